package io.atrium.simulators.variation;

import java.util.Random;

/** The slips of people who type data in: a wrong digit, a swapped or lost letter, full-width input. */
final class Typos {

    private Typos() {
    }

    /** One digit replaced by another; text without digits stays as it is. */
    static String wrongDigit(String text, Random random) {
        int digits = (int) text.chars().filter(Character::isDigit).count();
        if (digits == 0) {
            return text;
        }
        int target = random.nextInt(digits);
        StringBuilder changed = new StringBuilder(text);
        for (int i = 0, seen = 0; i < changed.length(); i++) {
            if (Character.isDigit(changed.charAt(i)) && seen++ == target) {
                changed.setCharAt(i, (char) ('0' + (changed.charAt(i) - '0' + 1 + random.nextInt(9)) % 10));
                break;
            }
        }
        return changed.toString();
    }

    /** Two neighbouring letters swapped, one dropped, or one doubled. */
    static String wrongLetter(String word, Random random) {
        if (word.length() < 3) {
            return word;
        }
        int i = 1 + random.nextInt(word.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
            case 1 -> word.substring(0, i) + word.substring(i + 1);
            default -> word.substring(0, i + 1) + word.charAt(i) + word.substring(i + 1);
        };
    }

    /** ASCII letters, digits and signs as their full-width forms (Ｚｈａｎｇ, １３８), spaces as ideographic spaces. */
    static String fullWidth(String text) {
        StringBuilder wide = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            wide.append(c == ' ' ? '\u3000' : c > ' ' && c < 0x7f ? (char) (c - 0x21 + 0xff01) : c);
        }
        return wide.toString();
    }
}

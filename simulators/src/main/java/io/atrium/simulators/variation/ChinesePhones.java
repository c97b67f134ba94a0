package io.atrium.simulators.variation;

import java.util.Random;

/** The ways Chinese phone numbers are written: `13800138000`, `138-0013-8000`, `+86 138 0013 8000`, `0755-86001234`. */
final class ChinesePhones {

    private ChinesePhones() {
    }

    /** A mobile (11 digits) or landline (area-subscriber) in one of the usual writings. */
    static String format(String phone, Random random) {
        return phone.contains("-") ? landline(phone, random) : mobile(phone, random);
    }

    private static String mobile(String mobile, Random random) {
        String head = mobile.substring(0, 3);
        String middle = mobile.substring(3, 7);
        String tail = mobile.substring(7);
        int style = random.nextInt(100);
        if (style < 50) {
            return mobile;
        } else if (style < 64) {
            return head + "-" + middle + "-" + tail;
        } else if (style < 76) {
            return "+86 " + head + " " + middle + " " + tail;
        } else if (style < 84) {
            return "86" + mobile;
        } else if (style < 94) {
            return head + " " + middle + " " + tail;
        } else if (style < 97) {
            return "+86-" + mobile;
        }
        return Typos.fullWidth(mobile);
    }

    private static String landline(String landline, Random random) {
        String area = landline.substring(0, landline.indexOf('-'));
        String subscriber = landline.substring(landline.indexOf('-') + 1);
        return switch (random.nextInt(6)) {
            case 0, 1 -> landline;
            case 2 -> "(" + area + ")" + subscriber;
            case 3 -> area + subscriber;
            case 4 -> area + " " + subscriber.substring(0, 4) + " " + subscriber.substring(4);
            default -> "+86 " + area.substring(1) + " " + subscriber;
        };
    }
}

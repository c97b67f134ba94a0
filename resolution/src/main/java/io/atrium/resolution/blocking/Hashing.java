package io.atrium.resolution.blocking;

/** Stable 64-bit string hashing (FNV-1a folded through a finalizer so that all bits mix). */
public final class Hashing {

    private Hashing() {
    }

    /** The hashing state after a namespace, to hash many values of one namespace without rehashing it. */
    public static long seed(String namespace) {
        return (mix(0xcbf29ce484222325L, namespace) ^ 0x1F) * 0x100000001b3L;
    }

    public static long hash64(long seed, String value) {
        long h = mix(seed, value);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}

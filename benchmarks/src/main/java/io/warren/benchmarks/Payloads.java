package io.warren.benchmarks;

import java.util.SplittableRandom;

/** Message bodies: pseudo-random bytes, the same for every run so runs compare. */
public final class Payloads {
    private Payloads() {
    }

    /** A body of {@code size} bytes. */
    public static byte[] of(int size) {
        byte[] body = new byte[size];
        SplittableRandom random = new SplittableRandom(size);
        for (int i = 0; i < size; i++) {
            body[i] = (byte) random.nextInt(256);
        }
        return body;
    }
}

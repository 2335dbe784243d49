package vn.commune.petition.api.lookup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Mã tra cứu: the code a receipt gives for the public lookup. Sixteen characters of Crockford's
 * base 32 (80 random bits from {@link SecureRandom}), printed in four groups ({@code 7KQ2-M9XD-4RTB-HW3P}).
 * Only its SHA-256 is stored, in the event; the code itself is shown once, on the receipt. As typed
 * back, case, spaces and dashes do not matter, and O, I and L read as 0, 1 and 1.
 */
public final class LookupCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LookupCodes() {
    }

    /** A fresh code and the hash its event keeps. */
    public record Issued(String code, String hash) {
    }

    public static Issued issue() {
        StringBuilder code = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        String text = code.toString();
        return new Issued(text, hash(normalize(text).orElseThrow()));
    }

    /** The code as typed, in its canonical form (sixteen characters of the alphabet), or empty if it cannot be one. */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (read == '-' || read == ' ') {
                continue;
            }
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            code.append(read);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    /** The stored form of a canonical code: {@code sha256:} and the hex digest. */
    public static String hash(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("petition-lookup:" + canonical).getBytes(StandardCharsets.US_ASCII));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** Whether two stored hashes are the same, in time that does not depend on where they differ. */
    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}

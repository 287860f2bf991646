package org.cityvitals.dashboard.auth;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, written {@code pbkdf2-sha256$iterations$salt$hash} (Base64), so a users
 * file never holds a password. 600,000 iterations is OWASP's figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat
 * Sheet); the JDK has it built in, so no native library is needed. A stored hash keeps its own iteration count.
 * Run {@code main} to hash one for a new entry.
 */
public final class PasswordHash {

    private static final String PREFIX = "pbkdf2-sha256";
    static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked against when the user does not exist, so that an unknown name costs what a wrong password costs. */
    private static final String UNKNOWN_USER = hash("no such user: equal work");

    private PasswordHash() {}

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Whether {@code password} matches; compares in constant time. */
    public static boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " hash: " + stored);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Does the work of {@link #matches} for a user who does not exist; always false. */
    public static boolean matchesNobody(String password) {
        matches(password, UNKNOWN_USER);
        return false;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    /** Prints the hash of the password read from standard input (never from the command line: {@code ps} shows it). */
    public static void main(String[] args) throws java.io.IOException {
        String password = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            System.err.println("usage: echo -n PASSWORD | PasswordHash");
            System.exit(2);
        }
        System.out.println(hash(password));
    }
}

package dev.agenticore.github;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;

/** RSA key pairs and their PEM forms for App token tests. */
final class TestKeys {

    private TestKeys() {}

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the key as {@code BEGIN PRIVATE KEY} PEM, which is the JDK's own encoding. */
    static String pkcs8Pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** Returns the key as {@code BEGIN RSA PRIVATE KEY} PEM, the RSAPrivateKey inside the PKCS#8 OCTET STRING. */
    static String pkcs1Pem(PrivateKey key) {
        return pem("RSA PRIVATE KEY", pkcs1Der(key.getEncoded()));
    }

    /** Walks PrivateKeyInfo ::= SEQUENCE { INTEGER, SEQUENCE, OCTET STRING } and returns the OCTET STRING content. */
    static byte[] pkcs1Der(byte[] pkcs8) {
        ByteBuffer der = ByteBuffer.wrap(pkcs8);
        expectTag(der, 0x30);
        readLength(der);
        expectTag(der, 0x02);
        skip(der, readLength(der));
        expectTag(der, 0x30);
        skip(der, readLength(der));
        expectTag(der, 0x04);
        int length = readLength(der);
        return Arrays.copyOfRange(pkcs8, der.position(), der.position() + length);
    }

    private static void skip(ByteBuffer der, int length) {
        der.position(der.position() + length);
    }

    private static void expectTag(ByteBuffer der, int tag) {
        int actual = der.get() & 0xff;
        if (actual != tag) {
            throw new IllegalStateException("expected DER tag " + tag + ", got " + actual);
        }
    }

    private static int readLength(ByteBuffer der) {
        int first = der.get() & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der.get() & 0xff);
        }
        return length;
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}

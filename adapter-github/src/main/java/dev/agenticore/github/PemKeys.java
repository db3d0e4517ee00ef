package dev.agenticore.github;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads RSA private keys from PEM text with the JDK alone. */
final class PemKeys {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    /** DER of the PKCS#8 AlgorithmIdentifier for RSA: SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    /** DER of INTEGER 0, the PKCS#8 version. */
    private static final byte[] VERSION_ZERO = {0x02, 0x01, 0x00};

    private PemKeys() {}

    /**
     * Parses an unencrypted RSA private key from a {@code BEGIN PRIVATE KEY} (PKCS#8) or {@code BEGIN RSA PRIVATE
     * KEY} (PKCS#1) PEM block. Text around the block is ignored.
     *
     * @throws IllegalArgumentException when no such block is found or the key is invalid. The message never
     *     contains key material
     */
    static PrivateKey readRsaPrivateKey(String pem) {
        Matcher block = PEM_BLOCK.matcher(pem);
        if (!block.find()) {
            throw new IllegalArgumentException(
                    "GitHub App private key is not PEM text: expected -----BEGIN PRIVATE KEY-----"
                            + " or -----BEGIN RSA PRIVATE KEY-----");
        }
        String type = block.group(1);
        if (block.group(2).contains("ENCRYPTED")) {
            throw new IllegalArgumentException("GitHub App private key is encrypted: decrypt it first, for example"
                    + " with openssl pkey -in key.pem -out plain.pem");
        }
        byte[] der = decode(type, block.group(2));
        byte[] pkcs8 = switch (type) {
            case "PRIVATE KEY" -> der;
            case "RSA PRIVATE KEY" -> wrapPkcs1(der);
            default ->
                throw new IllegalArgumentException("GitHub App private key has unsupported PEM type " + type
                        + ": expected an unencrypted PRIVATE KEY or RSA PRIVATE KEY");
        };
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("GitHub App private key is not a valid RSA key (" + type + ")", e);
        }
    }

    /**
     * Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo, which is what {@link PKCS8EncodedKeySpec} reads:
     * SEQUENCE { INTEGER 0, AlgorithmIdentifier rsaEncryption, OCTET STRING pkcs1 }.
     */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(VERSION_ZERO);
        content.writeBytes(RSA_ALGORITHM);
        content.writeBytes(tagged(0x04, pkcs1));
        return tagged(0x30, content.toByteArray());
    }

    /** Encodes one DER element: the tag, the definite length in short or long form, then the content. */
    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int lengthBytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | lengthBytes);
            for (int shift = (lengthBytes - 1) * 8; shift >= 0; shift -= 8) {
                out.write((length >>> shift) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] decode(String type, String base64) {
        try {
            return Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GitHub App private key " + type + " block is not valid base64", e);
        }
    }
}

package vn.tincoso.webhooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import vn.tincoso.config.TincosoConfig;
import vn.tincoso.web.ApiException;
import vn.tincoso.web.InvalidBodyException;
import vn.tincoso.web.ProblemType;

/**
 * Signing secrets as the Standard Webhooks specification has them ({@code whsec_} and the base64 of 24 to 64 random
 * bytes), sealed for the database with AES-256-GCM under the configured key, and the signature of a message:
 * {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret's bytes.
 */
@ApplicationScoped
public class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final int GENERATED_BYTES = 32;
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeySpec> key;

    WebhookSecrets(TincosoConfig config) {
        this.key = config.webhooks().encryptionKey().filter(text -> !text.isBlank()).map(WebhookSecrets::keyOf);
    }

    private static SecretKeySpec keyOf(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tincoso.webhooks.encryption-key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("tincoso.webhooks.encryption-key must be 32 bytes (base64 of 44 characters), not "
                    + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Whether webhooks can be used at all: the key that seals their secrets is configured. */
    public boolean configured() {
        return key.isPresent();
    }

    /**
     * 503 when the key is missing, so that no secret is ever stored in the clear. Only what seals or opens a secret
     * needs it: subscriptions stored under a key can still be listed, paused and deleted while it is absent.
     */
    void requireConfigured() {
        if (key.isEmpty()) {
            throw new NotConfigured();
        }
    }

    /** A new secret. */
    static String generate() {
        byte[] bytes = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** A secret given by a client, checked: whsec_ and 24 to 64 bytes in base64 (400 naming the field otherwise). */
    static String checked(String field, String secret) {
        String reason = "phải là whsec_ và base64 của " + MIN_BYTES + " đến " + MAX_BYTES + " byte ngẫu nhiên";
        if (!secret.startsWith(PREFIX)) {
            throw new InvalidBodyException(field, reason);
        }
        try {
            int length = Base64.getDecoder().decode(secret.substring(PREFIX.length())).length;
            if (length < MIN_BYTES || length > MAX_BYTES) {
                throw new InvalidBodyException(field, reason);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidBodyException(field, reason);
        }
        return secret;
    }

    byte[] seal(String secret) {
        requireConfigured();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JVM", e);
        }
    }

    /** The secret a sealed value holds; fails if it was sealed under another key. */
    String open(byte[] sealed) {
        requireConfigured();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook secret cannot be opened: was tincoso.webhooks.encryption-key changed?", e);
        }
    }

    /** The webhook-signature header of a message. */
    static String signature(String secret, String messageId, long timestampSeconds, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmacSha256(Base64.getDecoder().decode(secret.substring(PREFIX.length())),
                (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8), body));
    }

    /** HMAC-SHA256 of the parts, in order, under the key: the signature of webhooks and of WebSub alike. */
    static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }

    /** 503: webhooks need tincoso.webhooks.encryption-key. */
    static final class NotConfigured extends ApiException {
        NotConfigured() {
            super(ProblemType.UNAVAILABLE, "Webhook chưa được cấu hình trên máy chủ này (thiếu tincoso.webhooks.encryption-key).");
        }
    }
}

package org.ltcreports.casemanagement.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Signs a return's Data sheet so that a file cannot be edited and re-checksummed (issue 18, finding
 * 1): an Ed25519 signature over {@code ltc-return-data <SHA-256 of the Data sheet>} by this
 * installation's private key, written beside the checksum with the key's id.
 *
 * <p>Why a public-key signature and not an HMAC: a practice's installation signs, and a locality
 * hub verifies with only the practice's <em>public</em> key, so nobody who can verify (the hub, a
 * commissioner given the trusted-keys list) can also sign, and one practice cannot forge another's
 * return. Ed25519 is in every Java 17 runtime (no dependency) and deterministic (RFC 8032): the
 * same key and data give the same signature, so returns stay byte-identical.
 *
 * <p>The private key lives in a key file outside the source and the plugin's tables ({@code
 * returns.signing-key}), created on first use with owner-only permissions. Signatures are accepted
 * from this installation's own key and from the public keys listed in {@code returns.trusted-keys}
 * (other installations, and this one's keys before a rotation): docs/deployment.md.
 */
public final class ReturnSignatures {
  public static final String ALGORITHM = "Ed25519";
  private static final String PURPOSE = "ltc-return-data ";

  private static final class Ephemeral {
    static final ReturnSignatures INSTANCE = ofPair(generate());
  }

  private final PrivateKey privateKey;
  private final String keyId;
  private final Map<String, PublicKey> trusted;

  private ReturnSignatures(PrivateKey privateKey, String keyId, Map<String, PublicKey> trusted) {
    this.privateKey = privateKey;
    this.keyId = keyId;
    this.trusted = Map.copyOf(trusted);
  }

  /** A signature as written into a return: the signing key's id and the Base64 signature. */
  public record Signed(String keyId, String signature) {}

  /**
   * This installation's keys: the key file (created with owner-only permissions when missing) and
   * the trusted public keys file, when given ({@code <key id> <Base64 X.509 public key> [who]} per
   * line; {@code #} comments).
   */
  public static ReturnSignatures load(Path keyFile, Path trustedKeys) {
    KeyPair own = readOrCreate(keyFile);
    Map<String, PublicKey> trusted = new LinkedHashMap<>();
    trusted.put(keyId(own.getPublic()), own.getPublic());
    if (trustedKeys != null) {
      List<String> lines;
      try {
        lines = Files.readAllLines(trustedKeys, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read returns.trusted-keys " + trustedKeys + ": " + e.getMessage(), e);
      }
      int n = 0;
      for (String line : lines) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] parts = t.split("\\s+", 3);
        PublicKey key;
        try {
          key = publicKey(parts.length < 2 ? "" : parts[1]);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              trustedKeys + " line " + n + ": not '<key id> <Base64 Ed25519 public key>'", e);
        }
        if (!keyId(key).equals(parts[0])) {
          throw new IllegalArgumentException(
              trustedKeys + " line " + n + ": key id " + parts[0] + " is not this key's id");
        }
        trusted.put(parts[0], key);
      }
    }
    return new ReturnSignatures(own.getPrivate(), keyId(own.getPublic()), trusted);
  }

  /**
   * A key pair that lives as long as this JVM and is written nowhere: files it signs verify only in
   * the same process. For tests and for renderers built without an installation's keys; the
   * plugin's wiring always passes {@link #load}'s.
   */
  public static ReturnSignatures ephemeral() {
    return Ephemeral.INSTANCE;
  }

  /** This installation's key id (16 hex digits of the SHA-256 of its public key). */
  public String keyId() {
    return keyId;
  }

  /** The line another installation adds to its {@code returns.trusted-keys} to trust this one. */
  public String publicKeyLine() {
    return keyId + " " + Base64.getEncoder().encodeToString(trusted.get(keyId).getEncoded());
  }

  public Signed sign(String dataSha256) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(privateKey);
      s.update((PURPOSE + dataSha256).getBytes(StandardCharsets.US_ASCII));
      return new Signed(keyId, Base64.getEncoder().encodeToString(s.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is required of every Java 17 runtime", e);
    }
  }

  /**
   * Why a return's signature does not hold, or empty when it is this installation's or a trusted
   * key's signature of exactly this Data sheet.
   */
  public Optional<String> problem(String dataSha256, String signedKeyId, String signature) {
    if (signedKeyId == null || signedKeyId.isBlank() || signature == null || signature.isBlank()) {
      return Optional.of(
          "the return is not signed: only returns generated by LTC Reports (signed with an"
              + " installation's key) are merged");
    }
    PublicKey key = trusted.get(signedKeyId.strip());
    if (key == null) {
      return Optional.of(
          "the return is signed with key "
              + signedKeyId.strip()
              + ", which is not this installation's key nor in returns.trusted-keys");
    }
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update((PURPOSE + dataSha256).getBytes(StandardCharsets.US_ASCII));
      if (s.verify(Base64.getDecoder().decode(signature.strip()))) {
        return Optional.empty();
      }
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // a malformed signature is a signature that does not hold
    }
    return Optional.of(
        "the Data sheet's signature does not hold: the figures were changed after the return"
            + " was generated and signed");
  }

  private static ReturnSignatures ofPair(KeyPair pair) {
    String id = keyId(pair.getPublic());
    return new ReturnSignatures(pair.getPrivate(), id, Map.of(id, pair.getPublic()));
  }

  private static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is required of every Java 17 runtime", e);
    }
  }

  private static String keyId(PublicKey key) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static PublicKey publicKey(String base64) {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    }
  }

  /**
   * Writes a key file for this key pair (owner-only), in the format {@link #load} reads; {@link
   * FileAlreadyExistsException} when the file is already there (an installation's key is never
   * replaced by a write).
   */
  public static void writeKeyFile(Path file, KeyPair pair) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".key-", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: protect the folder instead (docs/deployment.md)
      }
      Files.writeString(
          tmp,
          "# LTC Reports return-signing key ("
              + ALGORITHM
              + "). Private: keep owner-only, back it up, never share it.\n"
              + "# Others trust this installation with its public line:\n#   "
              + keyId(pair.getPublic())
              + " "
              + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
              + "\nprivate="
              + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
              + "\npublic="
              + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
              + "\n",
          StandardCharsets.US_ASCII);
      if (Files.exists(file)) {
        throw new FileAlreadyExistsException(file.toString());
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Reads the key file, or creates it (owner-only) when missing; a race keeps the first. */
  private static KeyPair readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        try {
          writeKeyFile(file, generate());
        } catch (FileAlreadyExistsException e) {
          // another process created it first: use theirs
        }
      }
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
        p.load(r);
      }
      KeyFactory f = KeyFactory.getInstance(ALGORITHM);
      PrivateKey priv =
          f.generatePrivate(
              new PKCS8EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("private", ""))));
      PublicKey pub = publicKey(p.getProperty("public", ""));
      return new KeyPair(pub, priv);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read or create the return-signing key " + file + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "returns.signing-key "
              + file
              + " is not an LTC Reports "
              + ALGORITHM.toLowerCase(Locale.ROOT)
              + " key file",
          e);
    }
  }
}

package org.ltcreports.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import org.ltcreports.casemanagement.report.ReturnSignatures;

/**
 * The key the bench signs its case management returns with: one fixed Ed25519 key pair, the same in
 * every bench run on every machine, so that the same fixtures give the same bytes whichever
 * database they are read from and however often the bench runs (a fresh random key per run made
 * every return's signature, and so the pack's size, differ: issue 21). It signs only the bench's
 * scratch output; no installation trusts it.
 */
final class BenchSigningKey {
  /** The 32-byte Ed25519 private key is the SHA-256 of this text. */
  private static final String SEED = "ltc-reports bench return-signing key";

  private BenchSigningKey() {}

  /**
   * Writes the bench's key file into the folder (a scratch folder: one already there is the bench's
   * own); its path, for {@code returns.signing-key}.
   */
  static Path writeInto(Path dir) throws IOException {
    Path file = dir.resolve("bench-return-signing.key");
    try {
      ReturnSignatures.writeKeyFile(file, pair());
    } catch (FileAlreadyExistsException e) {
      // written by an earlier injector of the same child
    }
    return file;
  }

  static KeyPair pair() {
    try {
      byte[] seed =
          MessageDigest.getInstance("SHA-256").digest(SEED.getBytes(StandardCharsets.UTF_8));
      KeyPairGenerator g = KeyPairGenerator.getInstance(ReturnSignatures.ALGORITHM);
      // An Ed25519 private key is 32 random bytes, all the generator asks of its randomness
      // (RFC 8032 5.1.5); the public key follows from them.
      g.initialize(NamedParameterSpec.ED25519, new Seeded(seed));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Ed25519 and SHA-256 are required of every Java 17 runtime", e);
    }
  }

  /** Randomness that is the seed's bytes, for a key that must be the same every time. */
  private static final class Seeded extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    Seeded(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException(
            "the key generator asked for "
                + bytes.length
                + " bytes, not the seed's "
                + seed.length);
      }
      System.arraycopy(seed, 0, bytes, 0, bytes.length);
    }
  }
}

package org.ltcreports.casemanagement.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyed signature of issue 18, finding 1: an installation's key file is created owner-only on
 * first use and reused; another installation's signature is refused until its public key is
 * trusted; after a rotation the old key, listed as trusted, still verifies old returns.
 */
class ReturnSignaturesTest {
  static final String SHA = "ab".repeat(32);

  @TempDir Path dir;

  @Test
  void theKeyFileIsCreatedOwnerOnlyAndReused() throws Exception {
    Path key = dir.resolve("keys/return-signing.key");
    ReturnSignatures first = ReturnSignatures.load(key, null);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    ReturnSignatures again = ReturnSignatures.load(key, null);
    assertThat(again.keyId()).isEqualTo(first.keyId()).hasSize(16);
    // Ed25519 is deterministic: the same key and data give the same signature (byte-identical
    // returns)
    assertThat(again.sign(SHA)).isEqualTo(first.sign(SHA));
    assertThat(first.problem(SHA, first.keyId(), again.sign(SHA).signature())).isEmpty();
  }

  @Test
  void aSignatureOfOtherFiguresDoesNotHold() {
    ReturnSignatures own = ReturnSignatures.load(dir.resolve("k"), null);
    ReturnSignatures.Signed s = own.sign(SHA);
    assertThat(own.problem("cd".repeat(32), s.keyId(), s.signature()))
        .contains(
            "the Data sheet's signature does not hold: the figures were changed after the return"
                + " was generated and signed");
    assertThat(own.problem(SHA, s.keyId(), "bm90IGEgc2lnbmF0dXJl")).isPresent();
    assertThat(own.problem(SHA, null, null).orElseThrow()).startsWith("the return is not signed");
  }

  @Test
  void anotherInstallationIsTrustedOnlyWhenListedAndOldKeysSurviveARotation() throws Exception {
    ReturnSignatures practice = ReturnSignatures.load(dir.resolve("practice.key"), null);
    ReturnSignatures.Signed s = practice.sign(SHA);
    ReturnSignatures hub = ReturnSignatures.load(dir.resolve("hub.key"), null);
    assertThat(hub.problem(SHA, s.keyId(), s.signature()))
        .contains(
            "the return is signed with key "
                + s.keyId()
                + ", which is not this installation's key nor in returns.trusted-keys");

    Path trusted =
        Files.writeString(
            dir.resolve("trusted-keys"),
            "# practices of L01\n" + practice.publicKeyLine() + " K83001 Riverside Surgery\n");
    ReturnSignatures hubTrusting = ReturnSignatures.load(dir.resolve("hub.key"), trusted);
    assertThat(hubTrusting.problem(SHA, s.keyId(), s.signature())).isEmpty();

    // rotation at the practice: a new key file; the old public line kept as trusted
    Path rotatedTrust =
        Files.writeString(dir.resolve("practice-trusted"), practice.publicKeyLine() + "\n");
    ReturnSignatures rotated = ReturnSignatures.load(dir.resolve("practice-2.key"), rotatedTrust);
    assertThat(rotated.keyId()).isNotEqualTo(practice.keyId());
    assertThat(rotated.problem(SHA, s.keyId(), s.signature())).as("an old return").isEmpty();
  }

  @Test
  void aDamagedTrustedKeysLineIsNamed() throws Exception {
    ReturnSignatures practice = ReturnSignatures.load(dir.resolve("practice.key"), null);
    Path trusted =
        Files.writeString(
            dir.resolve("trusted"),
            "0000000000000000 " + practice.publicKeyLine().split(" ")[1] + "\n");
    assertThatThrownBy(() -> ReturnSignatures.load(dir.resolve("hub.key"), trusted))
        .hasMessageContaining("line 1: key id 0000000000000000 is not this key's id");
  }
}

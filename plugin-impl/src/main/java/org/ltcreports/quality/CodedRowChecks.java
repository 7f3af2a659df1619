package org.ltcreports.quality;

import static org.ltcreports.api.report.DataQualityKind.MISSING_REQUIRED_VALUE;
import static org.ltcreports.api.report.DataQualityKind.UNKNOWN_CODE;
import static org.ltcreports.api.report.DataQualityKind.UNPARSEABLE_ICD10;
import static org.ltcreports.quality.Charging.isBlank;
import static org.ltcreports.quality.Charging.issue;
import static org.ltcreports.quality.Charging.missingDetail;
import static org.ltcreports.quality.Charging.need;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.measures.Icd10;
import org.ltcreports.measures.Opcs4;
import org.ltcreports.source.SourceRows.Diagnosis;
import org.ltcreports.source.SourceRows.Procedure;

/**
 * The checks of a spell's coded rows ({@code spell_diagnosis}, {@code spell_procedure}): a missing
 * spell id or code, an ICD-10 code that cannot be read, an OPCS-4 code that is not well formed;
 * each charged as its spell (unattributed when no used spell has the id).
 */
public final class CodedRowChecks {
  private final Charging charging;
  private final Map<String, Boolean> icd10Unparseable = new HashMap<>();
  private final Map<String, Boolean> opcsMalformed = new HashMap<>();

  CodedRowChecks(Charging charging) {
    this.charging = charging;
  }

  /** {@code UNKNOWN_CODE}: a stored OPCS-4 code that is not well formed. */
  public static boolean malformedOpcs4(String raw) {
    return raw != null && !Opcs4.isValid(Opcs4.normalise(raw));
  }

  void check() {
    if (charging.data.hasDiagnoses()) {
      for (Diagnosis d : charging.data.diagnoses()) {
        String code = d.icd10Code();
        codedRow(
            "spell_diagnosis",
            "icd10_code",
            d.spellId(),
            d.position(),
            code,
            UNPARSEABLE_ICD10,
            code != null && icd10Unparseable.computeIfAbsent(code, Icd10::isUnparseable),
            "diagnosis");
      }
    }
    if (charging.data.hasProcedures()) {
      for (Procedure p : charging.data.procedures()) {
        String code = p.opcsCode();
        codedRow(
            "spell_procedure",
            "opcs_code",
            p.spellId(),
            p.position(),
            code,
            UNKNOWN_CODE,
            code != null && opcsMalformed.computeIfAbsent(code, CodedRowChecks::malformedOpcs4),
            "OPCS-4 code");
      }
    }
  }

  /**
   * A coded row of a spell (a diagnosis, a procedure): a missing spell id or code is one {@code
   * MISSING_REQUIRED_VALUE} issue, else a bad code one {@code badKind} issue; charged to the spell.
   */
  private void codedRow(
      String table,
      String codeColumn,
      String spellId,
      int position,
      String code,
      DataQualityKind badKind,
      boolean bad,
      String what) {
    if (!bad && !isBlank(spellId) && !isBlank(code)) {
      return; // most rows: nothing to say
    }
    List<String> missing = new ArrayList<>();
    need(missing, "spell_id", spellId);
    need(missing, codeColumn, code);
    String at = " at position " + position;
    if (!missing.isEmpty()) {
      charging.chargeToSpell(
          charging.ctx.spells().spell(spellId),
          issue(MISSING_REQUIRED_VALUE, table, spellId, missingDetail(missing) + at));
    } else if (bad) {
      charging.chargeToSpell(
          charging.ctx.spells().spell(spellId),
          issue(badKind, table, spellId, what + " '" + code + "'" + at));
    }
  }
}

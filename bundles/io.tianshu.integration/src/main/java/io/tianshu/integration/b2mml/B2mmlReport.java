package io.tianshu.integration.b2mml;

import io.tianshu.execution.OperationReportInput;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One {@code SegmentResponse} of a B2MML {@code ProductionResponse}, as an operation report: {@code
 * ProductionRequestID} is the work order code, the segment's {@code ProcessSegmentID} the operation
 * number, the quantities of its {@code MaterialProducedActual} elements are good (no {@code Key},
 * or {@code Key} Good), scrap ({@code Key} Scrap) or rework ({@code Key} Rework), {@code
 * EquipmentActual/EquipmentID} the station and {@code PersonnelActual/PersonID} the operator.
 */
public record B2mmlReport(
    String path,
    String responseId,
    String segmentResponseId,
    String workOrderCode,
    String siteCode,
    int operationSeq,
    BigDecimal good,
    BigDecimal scrap,
    BigDecimal rework,
    String station,
    String operator,
    Instant startedAt,
    Instant endedAt) {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-/]*");

  /**
   * The report's idempotency key, the same for the same response and segment response ids, so that
   * a re-sent document changes nothing: {@code b2mml/<response>/<segment>} when that is a valid key
   * of at most 64 characters, else {@code b2mml-} and a SHA-256 prefix of the two ids.
   */
  public String reportKey() {
    String plain = "b2mml/" + responseId + "/" + segmentResponseId;
    if (plain.length() <= 64 && KEY.matcher(plain).matches()) {
      return plain;
    }
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((responseId + "\n" + segmentResponseId).getBytes(StandardCharsets.UTF_8));
      return "b2mml-" + HexFormat.of().formatHex(h).substring(0, 48);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The operation report for the work order with this id. */
  public OperationReportInput toInput(long workOrderId) {
    return new OperationReportInput(
        reportKey(),
        workOrderId,
        operationSeq,
        good,
        scrap,
        rework,
        null,
        null,
        station,
        operator,
        null,
        startedAt,
        endedAt);
  }
}

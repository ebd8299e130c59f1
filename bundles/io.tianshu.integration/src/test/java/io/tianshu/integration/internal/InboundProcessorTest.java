package io.tianshu.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.core.ConflictException;
import io.tianshu.core.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundProcessorTest {

  @Test
  void invalidAndRefusedMessagesArePermanentOthersAreRetried() {
    assertThat(InboundProcessor.isPermanent(new ValidationException("code", "required", "x")))
        .isTrue();
    assertThat(InboundProcessor.isPermanent(new IllegalArgumentException("payload: bad"))).isTrue();
    assertThat(InboundProcessor.isPermanent(new ConflictException("stale"))).isTrue();
    assertThat(
            InboundProcessor.isPermanent(
                new IllegalStateException("wrapped", new IllegalArgumentException("bad"))))
        .isTrue();
    assertThat(InboundProcessor.isPermanent(new IllegalStateException("connection reset")))
        .isFalse();
  }

  @Test
  void theReasonListsEveryBadFieldAndTheRootCause() {
    ValidationException v =
        new ValidationException(
            java.util.List.of(
                new io.tianshu.core.FieldError("code", "required", "Code is required"),
                new io.tianshu.core.FieldError("baseUnit", "unknown", "Unknown unit")));
    assertThat(InboundProcessor.reason(v))
        .isEqualTo("ValidationException: code Code is required; baseUnit Unknown unit");
    assertThat(
            InboundProcessor.reason(
                new IllegalStateException("send failed", new java.io.IOException("refused"))))
        .isEqualTo("IllegalStateException: send failed — caused by: refused");
  }

  @Test
  void deadLettersKeepTheSendersHeadersButNotCamels() {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("TianshuMessageId", "m-1");
    headers.put("CamelFileName", "x.json");
    headers.put("camelRedeliveryCounter", 3);
    headers.put("Partner", "PLM");
    assertThat(InboundProcessor.keptHeaders(headers))
        .containsOnlyKeys("Partner", "TianshuMessageId");
  }
}

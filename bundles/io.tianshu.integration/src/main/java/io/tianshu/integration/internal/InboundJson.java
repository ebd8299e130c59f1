package io.tianshu.integration.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON of inbound payloads and results, read and written as the REST API does (unknown fields
 * refused, ISO dates, plain decimals), so that a command means the same through both doors.
 */
public final class InboundJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private InboundJson() {}

  /** Reads {@code payload} as {@code type}; a malformed payload is refused naming where. */
  public static <T> T read(String payload, Class<T> type) {
    if (payload == null || payload.isBlank()) {
      throw new IllegalArgumentException("payload: empty / 消息体为空");
    }
    try {
      return MAPPER.readValue(payload, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "payload: not a valid "
              + type.getSimpleName()
              + " / 消息体格式错误: "
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("result not writable as JSON: " + e.getOriginalMessage(), e);
    }
  }
}

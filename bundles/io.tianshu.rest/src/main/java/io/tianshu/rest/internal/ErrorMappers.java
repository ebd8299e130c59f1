package io.tianshu.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.tianshu.core.FieldError;
import io.tianshu.core.TianshuException;
import io.tianshu.rest.RestApi;
import java.util.List;
import java.util.UUID;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error leaves the API as application/problem+json, never as a stack trace. */
public final class ErrorMappers {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

  private ErrorMappers() {}

  /** Domain errors: 400 with the bad fields, 403, 404, 409. */
  @Component(service = ExceptionMapper.class)
  @JaxrsExtension
  @JaxrsApplicationSelect(RestApi.APP_SELECT)
  public static class Domain implements ExceptionMapper<TianshuException> {
    @Override
    public Response toResponse(TianshuException e) {
      return Problems.of(e.status(), e.title(), e.getMessage(), e.fieldErrors());
    }
  }

  /** A body that is not JSON, or JSON of the wrong shape: 400 naming the path. */
  @Component(service = ExceptionMapper.class)
  @JaxrsExtension
  @JaxrsApplicationSelect(RestApi.APP_SELECT)
  public static class Json implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      String field = "body";
      if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
          if (r.getFieldName() != null) {
            sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
          } else if (r.getIndex() >= 0) {
            sb.append('[').append(r.getIndex()).append(']');
          }
        }
        field = sb.toString();
      }
      String message = e.getOriginalMessage();
      int cut = message.indexOf(" at [Source");
      return Problems.of(
          400,
          "Invalid input",
          "The request body is not valid JSON for this resource / 请求体不是有效的 JSON",
          List.of(
              new FieldError(field, "malformed", cut > 0 ? message.substring(0, cut) : message)));
    }
  }

  /** JAX-RS's own errors (unknown path 404, 405, 406, 415) keep their status. */
  @Component(service = ExceptionMapper.class)
  @JaxrsExtension
  @JaxrsApplicationSelect(RestApi.APP_SELECT)
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response r = e.getResponse();
      if (r.getStatusInfo().getFamily() == Response.Status.Family.REDIRECTION) {
        return r;
      }
      Throwable cause = e.getCause();
      if (cause instanceof JsonProcessingException json) {
        return new Json().toResponse(json);
      }
      return Problems.of(
          r.getStatus(), r.getStatusInfo().getReasonPhrase(), e.getMessage(), List.of());
    }
  }

  /** Anything else is our fault: 500 with an incident id that the log also carries. */
  @Component(service = ExceptionMapper.class)
  @JaxrsExtension
  @JaxrsApplicationSelect(RestApi.APP_SELECT)
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      String incident = UUID.randomUUID().toString();
      LOG.error("Unexpected error, incident {}", incident, e);
      return Problems.of(
          500,
          "Internal error",
          "Unexpected error; incident " + incident + " / 服务器内部错误，事件编号 " + incident,
          List.of());
    }
  }
}

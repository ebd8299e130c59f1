package io.tianshu.rest.internal;

import io.tianshu.core.FieldError;
import io.tianshu.rest.RestApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;

/** RFC 7807 problem documents, with the bad fields listed for validation errors. */
final class Problems {
  private Problems() {}

  static Response of(int status, String title, String detail, List<FieldError> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:tianshu:problem:" + title.toLowerCase().replace(' ', '-'));
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (errors != null && !errors.isEmpty()) {
      body.put("errors", errors);
    }
    return Response.status(status).type(RestApi.PROBLEM_JSON).entity(body).build();
  }
}

package io.tianshu.rest.internal.resources;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ValidationException;
import java.net.URI;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

/** What every resource needs from a request: the caller, and 201 responses. */
final class Resources {
  private Resources() {}

  /** Set by the authentication filter on every request that reaches a protected resource. */
  static CallerContext caller(SecurityContext sc) {
    return (CallerContext) sc.getUserPrincipal();
  }

  static Response created(UriInfo uri, Object id, Object body) {
    URI location = uri.getAbsolutePathBuilder().path(String.valueOf(id)).build();
    return Response.created(location).entity(body).build();
  }

  static long requireVersion(Long version) {
    if (version == null) {
      throw new ValidationException("version", "required", "is required / 必填");
    }
    return version;
  }
}

package io.tianshu.rest.internal.resources;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.ValidationException;
import java.net.URI;
import java.util.List;
import java.util.Set;
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

  /** An empty body (or JSON null) where one is required is invalid input, not a server error. */
  static <T> T body(T input) {
    if (input == null) {
      throw new ValidationException("body", "required", "a JSON body is required / 需要 JSON 请求体");
    }
    return input;
  }

  /**
   * One page of a short list that is read whole (users, groups, units, conversions): offset and
   * limit as everywhere, the list's own order.
   */
  static <T> Page<T> page(List<T> all, Integer offset, Integer limit) {
    PageRequest p = PageRequest.parse(offset, limit, null, Set.of("natural"), "natural");
    List<T> items = all.stream().skip(p.offset()).limit(p.limit()).toList();
    return new Page<>(items, p.offset(), p.limit(), all.size());
  }

  static long requireVersion(Long version) {
    if (version == null) {
      throw new ValidationException("version", "required", "is required / 必填");
    }
    return version;
  }
}

package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.Validation;
import io.tianshu.org.AccessService;
import io.tianshu.org.Grant;
import io.tianshu.org.User;
import io.tianshu.org.UserInput;
import io.tianshu.persistence.AuditEntry;
import io.tianshu.persistence.AuditQuery;
import io.tianshu.rest.RestApi;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Users and plant grants (/users), the caller's own context (/me) and the audit trail (/audit). */
@Component(service = UserResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {
  private final AccessService access;
  private final AuditQuery audit;

  @Activate
  public UserResource(@Reference AccessService access, @Reference AuditQuery audit) {
    this.access = access;
    this.audit = audit;
  }

  @GET
  @Path("me")
  public Map<String, Object> me(@Context SecurityContext sc) {
    CallerContext c = caller(sc);
    return Map.of("username", c.username(), "groupAdmin", c.isGroupAdmin(), "grants", c.grants());
  }

  @GET
  @Path("users")
  public Page<User> list(
      @Context SecurityContext sc,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return Resources.page(access.listUsers(caller(sc)), offset, limit);
  }

  @POST
  @Path("users")
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, UserInput input) {
    Resources.body(input);
    User u = access.createUser(caller(sc), input);
    return Resources.created(uri, u.username(), u);
  }

  @GET
  @Path("users/{username}")
  public User get(@Context SecurityContext sc, @PathParam("username") String username) {
    return access.getUser(caller(sc), username);
  }

  @PUT
  @Path("users/{username}/grants")
  public User setGrants(
      @Context SecurityContext sc, @PathParam("username") String username, List<Grant> grants) {
    Resources.body(grants);
    return access.setGrants(caller(sc), username, grants);
  }

  @DELETE
  @Path("users/{username}")
  public Response delete(@Context SecurityContext sc, @PathParam("username") String username) {
    access.deleteUser(caller(sc), username);
    return Response.noContent().build();
  }

  @GET
  @Path("audit")
  public Page<AuditEntry> audit(
      @Context SecurityContext sc,
      @QueryParam("entity") String entity,
      @QueryParam("entityId") String entityId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    int off = offset == null ? 0 : offset;
    int lim = limit == null ? 50 : limit;
    Validation v = new Validation();
    if (off < 0) {
      v.add("offset", "out_of_range", "must be 0 or more / 不能为负数");
    }
    if (lim < 1 || lim > 500) {
      v.add("limit", "out_of_range", "must be between 1 and 500 / 必须在 1 到 500 之间");
    }
    v.throwIfInvalid();
    return audit.find(caller(sc), entity, entityId, off, lim);
  }
}

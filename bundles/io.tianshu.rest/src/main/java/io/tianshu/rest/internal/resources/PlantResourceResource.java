package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Validation;
import io.tianshu.resource.CapacityDay;
import io.tianshu.resource.PlantResource;
import io.tianshu.resource.PlantResourceInput;
import io.tianshu.resource.ResourceService;
import io.tianshu.resource.ResourceType;
import io.tianshu.resource.Skill;
import io.tianshu.resource.SkillInput;
import io.tianshu.resource.WorkCenterCapacity;
import io.tianshu.resource.WorkCenterCapacityInput;
import io.tianshu.rest.RestApi;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

/** Resources (/resources), skills (/skills) and work-centre capacity. */
@Component(service = PlantResourceResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlantResourceResource {
  private static final Set<String> SORTABLE = Set.of("id", "code", "name");

  private final ResourceService resources;

  @Activate
  public PlantResourceResource(@Reference ResourceService resources) {
    this.resources = resources;
  }

  @POST
  @Path("resources")
  public Response create(
      @Context SecurityContext sc, @Context UriInfo uri, PlantResourceInput input) {
    Resources.body(input);
    PlantResource r = resources.createResource(caller(sc), input);
    return Resources.created(uri, r.id(), r);
  }

  @GET
  @Path("resources")
  public Page<PlantResource> list(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("type") String type,
      @QueryParam("workCenterId") Long workCenterId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    ResourceType parsed = null;
    if (type != null && !type.isBlank()) {
      try {
        parsed = ResourceType.valueOf(type.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        new Validation().add("type", "invalid_value", "unknown type / 类型无效").throwIfInvalid();
      }
    }
    return resources.listResources(
        caller(sc),
        plantId,
        parsed,
        workCenterId,
        PageRequest.parse(offset, limit, sort, SORTABLE, "id"));
  }

  @GET
  @Path("resources/{id}")
  public PlantResource get(@Context SecurityContext sc, @PathParam("id") long id) {
    return resources.getResource(caller(sc), id);
  }

  @PUT
  @Path("resources/{id}")
  public PlantResource update(
      @Context SecurityContext sc, @PathParam("id") long id, PlantResourceInput input) {
    Resources.body(input);
    return resources.updateResource(caller(sc), id, input);
  }

  @DELETE
  @Path("resources/{id}")
  public Response delete(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    resources.deleteResource(caller(sc), id, Resources.requireVersion(version));
    return Response.noContent().build();
  }

  @POST
  @Path("skills")
  public Response createSkill(@Context SecurityContext sc, @Context UriInfo uri, SkillInput input) {
    Resources.body(input);
    Skill s = resources.createSkill(caller(sc), input);
    return Resources.created(uri, s.id(), s);
  }

  @GET
  @Path("skills")
  public Page<Skill> listSkills(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    return resources.listSkills(
        caller(sc), plantId, PageRequest.parse(offset, limit, sort, SORTABLE, "id"));
  }

  @GET
  @Path("skills/{id}")
  public Skill getSkill(@Context SecurityContext sc, @PathParam("id") long id) {
    return resources.getSkill(caller(sc), id);
  }

  @PUT
  @Path("skills/{id}")
  public Skill updateSkill(
      @Context SecurityContext sc, @PathParam("id") long id, SkillInput input) {
    Resources.body(input);
    return resources.updateSkill(caller(sc), id, input);
  }

  @DELETE
  @Path("skills/{id}")
  public Response deleteSkill(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    resources.deleteSkill(caller(sc), id, Resources.requireVersion(version));
    return Response.noContent().build();
  }

  @GET
  @Path("work-centers/{id}/capacity")
  public WorkCenterCapacity capacity(@Context SecurityContext sc, @PathParam("id") long id) {
    return resources.capacity(caller(sc), id);
  }

  @PUT
  @Path("work-centers/{id}/capacity")
  public WorkCenterCapacity setCapacity(
      @Context SecurityContext sc, @PathParam("id") long id, WorkCenterCapacityInput input) {
    Resources.body(input);
    return resources.setCapacity(caller(sc), id, input);
  }

  /** Available minutes per day: calendar capacity × parallel units × utilisation. */
  @GET
  @Path("work-centers/{id}/capacity/days")
  public List<CapacityDay> capacityDays(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Validation v = new Validation();
    LocalDate f = Dates.required(v, "from", from);
    LocalDate t = Dates.required(v, "to", to);
    v.throwIfInvalid();
    return resources.capacityDays(caller(sc), id, f, t);
  }
}

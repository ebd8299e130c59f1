package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.ValidationException;
import io.tianshu.quality.Capa;
import io.tianshu.quality.CapaInput;
import io.tianshu.quality.CapaService;
import io.tianshu.quality.DisciplineInput;
import io.tianshu.quality.DispositionProposal;
import io.tianshu.quality.EffectivenessInput;
import io.tianshu.quality.FiveWhysInput;
import io.tianshu.quality.NcCostInput;
import io.tianshu.quality.NcStep;
import io.tianshu.quality.Nonconformance;
import io.tianshu.quality.NonconformanceInput;
import io.tianshu.quality.NonconformanceService;
import io.tianshu.quality.QcCircle;
import io.tianshu.quality.QcCircleInput;
import io.tianshu.quality.QcStageInput;
import io.tianshu.rest.RestApi;
import java.util.Set;
import javax.ws.rs.Consumes;
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

/** Nonconformances with MRB dispositions and costs; 8D reports; QC circle projects. */
@Component(service = NonconformanceResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NonconformanceResource {
  private static final Set<String> NC_SORTABLE = Set.of("id", "createdAt", "status", "ncNo");
  private static final Set<String> ID_SORTABLE = Set.of("id");

  private final NonconformanceService nc;
  private final CapaService capa;

  @Activate
  public NonconformanceResource(@Reference NonconformanceService nc, @Reference CapaService capa) {
    this.nc = nc;
    this.capa = capa;
  }

  // ---- nonconformances

  @POST
  @Path("nonconformances")
  public Response create(
      @Context SecurityContext sc, @Context UriInfo uri, NonconformanceInput in) {
    Resources.body(in);
    Nonconformance n = nc.create(caller(sc), in);
    return Resources.created(uri, n.id(), n);
  }

  @GET
  @Path("nonconformances")
  public Page<Nonconformance> list(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("status") String status,
      @QueryParam("materialId") Long materialId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    return nc.list(
        caller(sc),
        plant(plantId),
        status,
        materialId,
        PageRequest.parse(offset, limit, sort, NC_SORTABLE, "id"));
  }

  @GET
  @Path("nonconformances/{id}")
  public Nonconformance get(@Context SecurityContext sc, @PathParam("id") long id) {
    return nc.get(caller(sc), id);
  }

  @POST
  @Path("nonconformances/{id}/dispositions")
  public Nonconformance propose(
      @Context SecurityContext sc, @PathParam("id") long id, DispositionProposal body) {
    Resources.body(body);
    return nc.propose(caller(sc), id, body);
  }

  @POST
  @Path("nonconformances/{id}/approve")
  public Nonconformance approve(
      @Context SecurityContext sc, @PathParam("id") long id, NcStep body) {
    return nc.approve(caller(sc), id, step(body));
  }

  @POST
  @Path("nonconformances/{id}/reject")
  public Nonconformance reject(@Context SecurityContext sc, @PathParam("id") long id, NcStep body) {
    return nc.reject(caller(sc), id, step(body));
  }

  @POST
  @Path("nonconformances/{id}/execute")
  public Nonconformance execute(
      @Context SecurityContext sc, @PathParam("id") long id, NcStep body) {
    return nc.execute(caller(sc), id, step(body));
  }

  @POST
  @Path("nonconformances/{id}/close")
  public Nonconformance close(@Context SecurityContext sc, @PathParam("id") long id, NcStep body) {
    return nc.close(caller(sc), id, step(body));
  }

  @POST
  @Path("nonconformances/{id}/cancel")
  public Nonconformance cancel(@Context SecurityContext sc, @PathParam("id") long id, NcStep body) {
    return nc.cancel(caller(sc), id, step(body));
  }

  @POST
  @Path("nonconformances/{id}/costs")
  public Nonconformance addCost(
      @Context SecurityContext sc, @PathParam("id") long id, NcCostInput body) {
    Resources.body(body);
    return nc.addCost(caller(sc), id, body);
  }

  // ---- 8D

  @POST
  @Path("capas")
  public Response createCapa(@Context SecurityContext sc, @Context UriInfo uri, CapaInput in) {
    Resources.body(in);
    Capa k = capa.create(caller(sc), in);
    return Resources.created(uri, k.id(), k);
  }

  @GET
  @Path("capas")
  public Page<Capa> capas(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("status") String status,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    return capa.list(
        caller(sc),
        plant(plantId),
        status,
        PageRequest.parse(offset, limit, sort, ID_SORTABLE, "id"));
  }

  @GET
  @Path("capas/{id}")
  public Capa capa(@Context SecurityContext sc, @PathParam("id") long id) {
    return capa.get(caller(sc), id);
  }

  @PUT
  @Path("capas/{id}/disciplines/{discipline}")
  public Capa discipline(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @PathParam("discipline") String discipline,
      DisciplineInput body) {
    Resources.body(body);
    return capa.updateDiscipline(caller(sc), id, discipline, body);
  }

  @PUT
  @Path("capas/{id}/whys")
  public Capa whys(@Context SecurityContext sc, @PathParam("id") long id, FiveWhysInput body) {
    Resources.body(body);
    return capa.putWhys(caller(sc), id, body);
  }

  @POST
  @Path("capas/{id}/effectiveness")
  public Capa effectiveness(
      @Context SecurityContext sc, @PathParam("id") long id, EffectivenessInput body) {
    Resources.body(body);
    return capa.checkEffectiveness(caller(sc), id, body);
  }

  // ---- QC circles

  @POST
  @Path("qc-circles")
  public Response createCircle(
      @Context SecurityContext sc, @Context UriInfo uri, QcCircleInput in) {
    Resources.body(in);
    QcCircle q = capa.createCircle(caller(sc), in);
    return Resources.created(uri, q.id(), q);
  }

  @GET
  @Path("qc-circles")
  public Page<QcCircle> circles(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("stage") String stage,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    return capa.listCircles(
        caller(sc),
        plant(plantId),
        stage,
        PageRequest.parse(offset, limit, sort, ID_SORTABLE, "id"));
  }

  @GET
  @Path("qc-circles/{id}")
  public QcCircle circle(@Context SecurityContext sc, @PathParam("id") long id) {
    return capa.getCircle(caller(sc), id);
  }

  @POST
  @Path("qc-circles/{id}/stage")
  public QcCircle stage(@Context SecurityContext sc, @PathParam("id") long id, QcStageInput body) {
    Resources.body(body);
    return capa.advanceCircle(caller(sc), id, body);
  }

  private static NcStep step(NcStep body) {
    return body == null ? new NcStep(null, null) : body;
  }

  private static long plant(Long plantId) {
    if (plantId == null) {
      throw new ValidationException("plantId", "required", "is required / 必填");
    }
    return plantId;
  }
}

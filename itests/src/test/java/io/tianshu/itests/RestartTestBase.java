package io.tianshu.itests;

import static io.tianshu.itests.ItSupport.fieldValues;
import static io.tianshu.itests.ItSupport.id;
import static io.tianshu.itests.ItSupport.obj;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tianshu.itests.ItSupport.Api;
import java.time.Duration;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Constants;

/**
 * Data survives a real restart: each test method gets a fresh container (a new JVM and a freshly
 * unpacked distribution) on the same database. Method a writes, method b reads back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public abstract class RestartTestBase {

  static final String PLANT = "P-IT-RST";
  static final String MATERIAL = "M-IT-RST-001";

  @ProbeBuilder
  public TestProbeBuilder probeConfiguration(TestProbeBuilder probe) {
    probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
    return probe;
  }

  @Test
  public void a_writeBeforeRestart() {
    ItSupport.awaitHealthy(Duration.ofMinutes(2));
    Api admin = ItSupport.admin();
    JsonNode plant =
        admin
            .post("/plants", obj("code", PLANT, "name", "重启工厂", "nameEn", "Restart plant"))
            .expect(201)
            .json();
    admin
        .post(
            "/materials",
            obj(
                "code", MATERIAL,
                "name", "重启物料",
                "nameEn", "Restart material",
                "type", "PURCHASED",
                "baseUnit", "PCS",
                "plantId", plant.get("id")))
        .expect(201);
  }

  @Test
  public void b_readAfterRestart() {
    ItSupport.awaitHealthy(Duration.ofMinutes(2));
    // admin is re-created from TIANSHU_ADMIN_PASSWORD in the fresh etc/: its password still works
    Api admin = ItSupport.admin();
    JsonNode list = admin.get("/materials?q=" + MATERIAL).expect(200).json();
    assertTrue(
        "material survived the restart: " + list, fieldValues(list, "code").contains(MATERIAL));
    for (JsonNode item : list.path("items")) {
      if (MATERIAL.equals(item.path("code").asText())) {
        JsonNode read = admin.get("/materials/" + id(item)).expect(200).json();
        assertEquals("重启物料", read.path("name").asText());
      }
    }
    JsonNode plants = admin.get("/plants?limit=100").expect(200).json();
    assertTrue("plant survived the restart", fieldValues(plants, "code").contains(PLANT));
  }
}

package io.tianshu.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.core.ValidationException;
import io.tianshu.integration.b2mml.B2mmlMaterial;
import io.tianshu.integration.b2mml.B2mmlReport;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialStatus;
import io.tianshu.masterdata.MaterialType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code b2mml} data format in a YAML route, as a route file in etc/routes would use it. */
class B2mmlDataFormatTest {
  private DefaultCamelContext context;
  private ProducerTemplate producer;

  @BeforeEach
  void start() throws Exception {
    context = new DefaultCamelContext(false);
    context.getRegistry().bind("b2mml", DataFormat.class, new B2mmlDataFormat());
    String yaml =
        """
        - route:
            id: b2mml-out
            from:
              uri: "direct:out"
              steps:
                - marshal:
                    custom: "b2mml"
        - route:
            id: b2mml-in
            from:
              uri: "direct:in"
              steps:
                - unmarshal:
                    custom:
                      ref: "b2mml"
        """;
    Resource resource =
        ResourceHelper.fromBytes("file:b2mml.camel.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    context.start();
    PluginHelper.getRoutesLoader(context).loadRoutes(resource);
    producer = context.createProducerTemplate();
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void materialsMarshalToASyncMaterialDefinition() {
    Instant t = Instant.parse("2026-11-22T00:00:00Z");
    Material m =
        new Material(
            1L,
            "RM-1",
            "钢板",
            "Sheet",
            MaterialType.PURCHASED,
            "KG",
            null,
            MaterialStatus.ACTIVE,
            9L,
            1,
            t,
            "a",
            t,
            "a");
    String xml =
        producer.requestBodyAndHeader(
            "direct:out", List.of(m), B2mmlDataFormat.PLANT_CODE, "P1", String.class);
    assertThat(xml)
        .contains("<SyncMaterialDefinition xmlns=\"http://www.mesa.org/xml/B2MML\">")
        .contains("<EquipmentID>P1</EquipmentID>")
        .contains("<ID>RM-1</ID>");
    Exchange back = producer.request("direct:in", e -> e.getMessage().setBody(xml));
    assertThat(back.getException()).isNull();
    assertThat(back.getMessage().getHeader(B2mmlDataFormat.DOCUMENT))
        .isEqualTo("SyncMaterialDefinition");
    List<?> records = back.getMessage().getBody(List.class);
    assertThat(records).hasSize(1);
    assertThat(((B2mmlMaterial) records.get(0)).siteCode()).isEqualTo("P1");
  }

  @Test
  void aPerformanceDocumentUnmarshalsToReportsAndAnInvalidOneFails() throws Exception {
    String xml;
    try (InputStream in = getClass().getResourceAsStream("/b2mml/performance.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String body = xml;
    Exchange ok = producer.request("direct:in", e -> e.getMessage().setBody(body));
    List<?> reports = ok.getMessage().getBody(List.class);
    assertThat(reports).hasSize(2);
    assertThat(((B2mmlReport) reports.get(0)).reportKey()).isEqualTo("b2mml/RESP-1001/SR-10");

    Exchange bad =
        producer.request(
            "direct:in",
            e ->
                e.getMessage()
                    .setBody("<ProductionPerformance xmlns=\"http://www.mesa.org/xml/B2MML\"/>"));
    assertThat(bad.getException()).isInstanceOf(ValidationException.class);
    assertThat(((ValidationException) bad.getException()).fieldErrors().get(0).field())
        .isEqualTo("/ProductionPerformance/ProductionResponse");
  }
}

package io.tianshu.integration.internal;

import io.tianshu.integration.InboundResult;
import io.tianshu.integration.InboundService;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The inbound door in Camel: {@code direct:tianshu-inbound} runs the command named by header {@code
 * TianshuCommand} for the message id in {@code TianshuMessageId}, once. Camel's own headers are
 * dropped first, so that a partner cannot steer components through them. A failure worth retrying
 * is redelivered with exponential backoff; what still fails, and what can never succeed, becomes a
 * dead letter, whose id the sender finds in header {@code TianshuDeadLetterId}.
 */
@Component(service = RoutesBuilder.class, configurationPid = "io.tianshu.integration.inbound")
public class InboundRoutes implements RoutesBuilder {
  static final String DEAD_LETTER_ENDPOINT = "direct:tianshu-dead-letter";
  static final String DEAD_LETTER_ID_HEADER = "TianshuDeadLetterId";
  static final String DUPLICATE_HEADER = "TianshuDuplicate";
  private static final String ATTEMPTS_PROPERTY = "TianshuAttempts";

  private final InboundProcessor inbound;

  @Activate
  public InboundRoutes(@Reference InboundProcessor inbound) {
    this.inbound = inbound;
  }

  // A RouteBuilder configures once; a fresh one per context keeps a restarted context whole.
  @Override
  public void addRoutesToCamelContext(CamelContext context) throws Exception {
    context.addRoutes(new Routes());
  }

  @Override
  public void addTemplatedRoutesToCamelContext(CamelContext context) {
    // no templates
  }

  @Override
  public Set<String> updateRoutesToCamelContext(CamelContext context) throws Exception {
    return new Routes().updateRoutesToCamelContext(context);
  }

  private final class Routes extends RouteBuilder {
    @Override
    public void configure() {
      InboundConfig config = inbound.config();
      errorHandler(
          deadLetterChannel(DEAD_LETTER_ENDPOINT)
              .maximumRedeliveries(Math.max(0, config.maximumRedeliveries()))
              .redeliveryDelay(Math.max(0, config.redeliveryDelayMillis()))
              .useExponentialBackOff()
              .backOffMultiplier(Math.max(1.0, config.backOffMultiplier()))
              .maximumRedeliveryDelay(Math.max(0, config.maximumRedeliveryDelayMillis()))
              .retryAttemptedLogLevel(LoggingLevel.WARN)
              .useOriginalMessage());
      // invalid or refused: no redelivery can help
      onException(io.tianshu.core.TianshuException.class, IllegalArgumentException.class)
          .maximumRedeliveries(0);

      from(InboundService.ENDPOINT)
          .routeId("tianshu-inbound")
          .description("Inbound commands, once per message id / 入站命令")
          .process(InboundRoutes::stripCamelHeaders)
          .process(InboundRoutes.this::accept);

      from(DEAD_LETTER_ENDPOINT)
          .routeId("tianshu-dead-letter")
          .description("Failed inbound messages to the dead-letter table / 死信")
          .errorHandler(noErrorHandler())
          .process(InboundRoutes.this::deadLetter);
    }
  }

  /** The inbound boundary: nothing from outside may set Camel's own headers. */
  static void stripCamelHeaders(Exchange exchange) {
    exchange.getMessage().removeHeaders("Camel*");
  }

  private void accept(Exchange exchange) {
    // counted on the exchange: the dead-letter channel gets the original message, without Camel's
    // redelivery headers
    Integer before = exchange.getProperty(ATTEMPTS_PROPERTY, Integer.class);
    exchange.setProperty(ATTEMPTS_PROPERTY, before == null ? 1 : before + 1);
    var message = exchange.getMessage();
    InboundResult result =
        inbound.accept(
            inbound.inboundCaller(),
            message.getHeader(InboundService.MESSAGE_ID_HEADER, String.class),
            message.getHeader(InboundService.COMMAND_HEADER, String.class),
            message.getBody(String.class));
    message.setHeader(DUPLICATE_HEADER, result.duplicate());
    message.setBody(result.resultJson());
  }

  private void deadLetter(Exchange exchange) {
    Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    var message = exchange.getMessage();
    Integer attempts = exchange.getProperty(ATTEMPTS_PROPERTY, Integer.class);
    long id =
        inbound.deadLetter(
            message.getHeader(InboundService.MESSAGE_ID_HEADER, String.class),
            message.getHeader(InboundService.COMMAND_HEADER, String.class),
            exchange.getFromRouteId(),
            message.getBody(String.class),
            InboundProcessor.keptHeaders(message.getHeaders()),
            failure,
            attempts == null ? 1 : attempts);
    message.setHeader(DEAD_LETTER_ID_HEADER, id);
  }
}

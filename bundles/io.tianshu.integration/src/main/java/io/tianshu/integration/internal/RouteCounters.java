package io.tianshu.integration.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Completed and failed exchanges per route, counted from Camel's exchange events. This keeps JMX
 * (camel-management) out of the server: the console and the REST API need only these figures.
 */
final class RouteCounters extends EventNotifierSupport {

  /** The figures of one route. */
  static final class Counter {
    final LongAdder completed = new LongAdder();
    final LongAdder failed = new LongAdder();
    volatile Instant last;
  }

  private final Map<String, Counter> byRoute = new ConcurrentHashMap<>();

  RouteCounters() {
    setIgnoreCamelContextEvents(true);
    setIgnoreRouteEvents(true);
    setIgnoreServiceEvents(true);
    setIgnoreStepEvents(true);
    setIgnoreExchangeCreatedEvent(true);
    setIgnoreExchangeSendingEvents(true);
    setIgnoreExchangeSentEvents(true);
    setIgnoreExchangeRedeliveryEvents(true);
    setIgnoreExchangeAsyncProcessingStartedEvents(true);
  }

  @Override
  public boolean isEnabled(CamelEvent event) {
    return event instanceof CamelEvent.ExchangeCompletedEvent
        || event instanceof CamelEvent.ExchangeFailedEvent;
  }

  @Override
  public void notify(CamelEvent event) {
    Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
    String routeId = exchange.getFromRouteId();
    if (routeId == null) {
      return; // a producer template outside any route
    }
    Counter c = byRoute.computeIfAbsent(routeId, id -> new Counter());
    if (event instanceof CamelEvent.ExchangeFailedEvent) {
      c.failed.increment();
    } else {
      c.completed.increment();
    }
    c.last = Instant.now();
  }

  Counter of(String routeId) {
    Counter c = byRoute.get(routeId);
    return c != null ? c : new Counter();
  }

  /** A route that is loaded again starts from zero. */
  void reset(String routeId) {
    byRoute.remove(routeId);
  }
}

/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link CleoObservationAutoConfiguration}: the application's registry reaches the
 * manager, Boot's switch turns Cleo's observations off, and a tracer bean makes attempts
 * continue the trace of their enqueue.
 */
@RedisTest
class CleoObservationAutoConfigurationTests {

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis)
			.withConfiguration(AutoConfigurations.of(CleoObservationAutoConfiguration.class));
	}

	@Test
	void enqueuesAndAttemptsAreObservedOnTheApplicationsRegistry() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			TaskHandle<Object> handle = runOne(context, "observed");
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("cleo.attempt")
					.that()
					.hasBeenStopped()
					.hasLowCardinalityKeyValue("queue", "observed")
					.hasLowCardinalityKeyValue("task", "greet")
					.hasHighCardinalityKeyValue("task.id", handle.id()));
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo("cleo.enqueue")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("queue", "observed");
		});
	}

	@Test
	void springBootsObservationSwitchTurnsThemOff() {
		ApplicationContextRunner boot = this.runner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class));
		List<String> started = new CopyOnWriteArrayList<>();
		ObservationHandler<Observation.Context> recorder = new ObservationHandler<>() {

			@Override
			public void onStart(Observation.Context context) {
				started.add(context.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		};
		boot.withBean(ObservationHandler.class, () -> recorder).run((context) -> {
			context.getBean(QueueManager.class).enqueue("greet", null, TaskOptions.defaults().queue("on"));
			assertThat(started).contains("cleo.enqueue");
		});
		started.clear();
		boot.withBean(ObservationHandler.class, () -> recorder)
			.withPropertyValues("management.observations.enable.cleo=false")
			.run((context) -> {
				context.getBean(QueueManager.class).enqueue("greet", null, TaskOptions.defaults().queue("off"));
				assertThat(started).doesNotContain("cleo.enqueue");
			});
	}

	@Test
	void metersOfTheObservationsHaveDescriptions() {
		this.runner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				runOne(context, "timed");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(5)).until(() -> meters.find("cleo.attempt").timer() != null);
				assertThat(meters.getMeters())
					.filteredOn((meter) -> meter.getId().getName().matches("cleo\\.(enqueue|attempt).*"))
					.extracting((meter) -> meter.getId().getName())
					.contains("cleo.enqueue", "cleo.attempt");
				assertThat(meters.getMeters())
					.filteredOn((meter) -> meter.getId().getName().matches("cleo\\.(enqueue|attempt).*"))
					.allSatisfy((meter) -> assertThat(meter.getId().getDescription()).as(meter.getId().getName())
						.isNotBlank()
						// As every Cleo meter says how to aggregate it.
						.endsWith(" (per instance: sum across instances)"));
				assertThat(meters.get("cleo.attempt")
					.tags("queue", "timed", "task", "greet", "error", "none")
					.timer()
					.count()).isOne();
			});
	}

	@Test
	void withATracerBeanTheAttemptContinuesTheTraceOfTheEnqueue() {
		SimpleTracer tracer = new SimpleTracer();
		ObservationRegistry registry = tracing(tracer);
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(Tracer.class, () -> tracer)
			.run((context) -> {
				runOne(context, "traced");
				await().atMost(Duration.ofSeconds(5)).until(() -> span(tracer, "attempt traced") != null);
				SimpleSpan enqueue = span(tracer, "enqueue traced");
				assertThat(enqueue.getTraceId()).isEqualTo(span(tracer, "request").getTraceId()).isNotEmpty();
				assertThat(span(tracer, "attempt traced").getParentId()).isEqualTo(enqueue.getSpanId()).isNotEmpty();
			});
	}

	@Test
	void withoutATracerBeanClaimsDoNotReadHeaders() {
		SimpleTracer tracer = new SimpleTracer();
		ObservationRegistry registry = tracing(tracer);
		// The registry traces, but no Tracer bean says so: the headers are stored and
		// the claims leave them unread, so the attempt is no child of the enqueue.
		this.runner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			runOne(context, "unread");
			await().atMost(Duration.ofSeconds(5)).until(() -> span(tracer, "attempt unread") != null);
			SimpleSpan enqueue = span(tracer, "enqueue unread");
			assertThat(enqueue.getSpanId()).isNotEmpty();
			assertThat(span(tracer, "attempt unread").getParentId()).isNotEqualTo(enqueue.getSpanId());
			assertThat(span(tracer, "attempt unread").getTraceId()).isNotEqualTo(enqueue.getTraceId());
		});
	}

	/** Enqueued inside a request's observation, then run. */
	private static TaskHandle<Object> runOne(ApplicationContext context, String queue) {
		QueueManager manager = context.getBean(QueueManager.class);
		manager.register("greet", (task) -> null);
		TaskHandle<Object> handle = Observation.createNotStarted("request", context.getBean(ObservationRegistry.class))
			.observe(() -> manager.enqueue("greet", "hello", TaskOptions.defaults().queue(queue)));
		manager.startWorkers(WorkerPoolOptions.builder().queue(queue).build());
		await().atMost(Duration.ofSeconds(10)).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
		return handle;
	}

	private static SimpleSpan span(SimpleTracer tracer, String name) {
		return tracer.getSpans().stream().filter((span) -> name.equals(span.getName())).findFirst().orElse(null);
	}

	private static ObservationRegistry tracing(SimpleTracer tracer) {
		Propagator propagator = new TraceparentPropagator(tracer);
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
		return registry;
	}

	/** W3C {@code traceparent} only. */
	private record TraceparentPropagator(SimpleTracer tracer) implements Propagator {

		@Override
		public List<String> fields() {
			return List.of("traceparent");
		}

		@Override
		public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
			setter.set(carrier, "traceparent", "00-" + context.traceId() + "-" + context.spanId() + "-01");
		}

		@Override
		public <C> Span.Builder extract(C carrier, Getter<C> getter) {
			String value = getter.get(carrier, "traceparent");
			if (value == null) {
				return this.tracer.spanBuilder();
			}
			String[] parts = value.split("-");
			return this.tracer.spanBuilder()
				.setParent(this.tracer.traceContextBuilder().traceId(parts[1]).spanId(parts[2]).sampled(true).build());
		}

	}

}

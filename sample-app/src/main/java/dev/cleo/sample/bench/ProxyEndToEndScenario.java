/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.cleo.queue.QueueManager;

/**
 * {@code proxy_end_to_end}: the {@code end_to_end} scenario driven through a
 * {@code @QueueClass} proxy in a Spring Boot context, as an application uses Cleo. Every
 * call of {@link BenchTasks#noop} is one enqueue, acknowledged before the call returns;
 * {@code --callers} threads call at once, as the request threads of a busy application
 * would. The context starts before the clock does; timing runs from the first call to the
 * last completion.
 * <p>
 * The JIT warm-up runs in the same context, before the clock starts: a context of its own
 * would generate proxy classes of its own, and the calls through this context's proxy
 * would then run on code compiled for other classes, de-optimised and compiled again
 * while being measured.
 */
final class ProxyEndToEndScenario implements Scenario {

	static final String QUEUE = "proxy_end_to_end";

	@Override
	public String name() {
		return QUEUE;
	}

	@Override
	public BenchResult run(BenchContext bench) throws InterruptedException {
		int tasks = bench.options().tasks();
		try (ConfigurableApplicationContext context = start(bench)) {
			QueueManager manager = context.getBean(QueueManager.class);
			BenchTasks proxy = context.getBean(BenchTasks.class);
			warmUp(manager, proxy, bench.options());
			try (Completions done = Completions.track(manager, QUEUE, tasks)) {
				double cpuBefore = bench.redis().usedCpuSeconds();
				long start = System.nanoTime();
				call(proxy, tasks, bench.options().callers());
				done.await();
				long nanos = System.nanoTime() - start;
				double cpuAfter = bench.redis().usedCpuSeconds();
				return new BenchResult(QUEUE, tasks, bench.options().concurrency(), nanos).redisCpu(cpuBefore, cpuAfter)
					.with("callers", bench.options().callers())
					.dead(done.dead());
			}
		}
	}

	@Override
	public boolean warmsUpInPlace() {
		return true;
	}

	private static void warmUp(QueueManager manager, BenchTasks proxy, BenchOptions options)
			throws InterruptedException {
		int tasks = options.warmupTasks();
		if (tasks > 0) {
			try (Completions done = Completions.track(manager, QUEUE, tasks)) {
				call(proxy, tasks, options.callers());
				done.await();
			}
		}
	}

	private static ConfigurableApplicationContext start(BenchContext bench) {
		return new SpringApplicationBuilder(ProxyBenchApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// Default properties rank below application.yml: without this the sample
			// app's
			// settings (its key prefix, its queues and their pools) would win over the
			// bench's.
			.properties("spring.config.name=cleo-bench-none", "spring.data.redis.url=" + bench.options().redisUrl(),
					"cleo.key-prefix=" + BenchContext.KEY_PREFIX,
					"cleo.queues." + QUEUE + ".concurrency=" + bench.options().concurrency(),
					"cleo.history.enabled=" + bench.options().history(),
					// The core scenarios run without meters or per-command observations;
					// so
					// does this one, for a like comparison of the proxy's own cost.
					"spring.autoconfigure.exclude=dev.cleo.queue.autoconfigure.metrics.CleoMetricsAutoConfiguration,"
							+ "org.springframework.boot.data.redis.autoconfigure.observation."
							+ "LettuceObservationAutoConfiguration")
			.run();
	}

	private static void call(BenchTasks proxy, int tasks, int callers) throws InterruptedException {
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < callers; c++) {
			int first = c;
			Thread caller = new Thread(() -> {
				try {
					for (int i = first; i < tasks && failure.get() == null; i += callers) {
						proxy.noop(i);
					}
				}
				catch (RuntimeException ex) {
					failure.compareAndSet(null, ex);
				}
			}, "bench-caller-" + c);
			caller.start();
			threads.add(caller);
		}
		for (Thread caller : threads) {
			caller.join();
		}
		if (failure.get() != null) {
			throw failure.get();
		}
	}

}

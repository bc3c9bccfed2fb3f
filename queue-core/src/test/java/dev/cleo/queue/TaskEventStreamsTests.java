/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.event.EventScope;
import dev.cleo.queue.event.EventSubscription;
import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.history.HistoryOptions;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Events across instances: a follower on one manager hears, in order per task, what
 * another manager's workers did; a follower resumes from a cursor without losing or
 * repeating events, and is told with a gap event when the stream was trimmed past its
 * place.
 */
@QueueManagerTest
class TaskEventStreamsTests {

	private static final String QUEUE = "followed";

	private QueueManagers managers;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.managers = managers;
	}

	@Test
	void aFollowerOnOneInstanceHearsWhatAnotherInstanceRanInOrderPerTask() throws Exception {
		QueueManager follower = this.managers.build((builder) -> builder.workerId("a"));
		QueueManager worker = this.managers.build((builder) -> builder.workerId("b"));
		worker.register("work", (task) -> {
			task.progress(50, "halfway");
			if (task.attempt() == 1 && task.payload(Integer.class) % 2 == 0) {
				throw new IllegalStateException("first attempt of an even task");
			}
			return "ok";
		});
		// One task first: the queue exists before the follower starts, and Redis has
		// every
		// script loaded (a progress report is not waited for; one sent before its script
		// is
		// loaded may reach Redis after the attempt's end, and then writes nothing).
		worker.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).concurrency(3).build());
		TaskHandle<Object> first = worker.enqueue("work", 1, TaskOptions.defaults().queue(QUEUE));
		await().until(() -> first.state().orElseThrow() == TaskState.COMPLETED);
		Map<String, List<ObserverEvent>> byTask = new ConcurrentHashMap<>();
		List<TaskEvent> all = new CopyOnWriteArrayList<>();
		try (AutoCloseable subscription = follower.onTaskEvent(EventScope.ALL_INSTANCES, (event) -> {
			all.add(event);
			if (event.taskId() != null) {
				byTask.computeIfAbsent(event.taskId(), (id) -> new CopyOnWriteArrayList<>()).add(event.type());
			}
		})) {
			List<TaskHandle<Object>> handles = new ArrayList<>();
			for (int i = 1; i <= 10; i++) {
				handles.add(worker.enqueue("work", i,
						TaskOptions.defaults().queue(QUEUE).backoff(Backoff.fixed(Duration.ofMillis(10)))));
			}
			await().until(() -> handles.stream()
				.allMatch((handle) -> byTask.getOrDefault(handle.id(), List.of()).contains(ObserverEvent.COMPLETED)));
			for (int i = 0; i < handles.size(); i++) {
				List<ObserverEvent> events = byTask.get(handles.get(i).id());
				if ((i + 1) % 2 == 0) {
					assertThat(events).containsExactly(ObserverEvent.CREATED, ObserverEvent.STARTED,
							ObserverEvent.PROGRESS, ObserverEvent.FAILED, ObserverEvent.RETRIED, ObserverEvent.STARTED,
							ObserverEvent.PROGRESS, ObserverEvent.COMPLETED);
				}
				else {
					assertThat(events).containsExactly(ObserverEvent.CREATED, ObserverEvent.STARTED,
							ObserverEvent.PROGRESS, ObserverEvent.COMPLETED);
				}
			}
		}
		assertThat(all).filteredOn((event) -> event.type() == ObserverEvent.STARTED)
			.allSatisfy((event) -> assertThat(event.worker()).isEqualTo("b/workers"));
		assertThat(all).filteredOn((event) -> event.type() == ObserverEvent.PROGRESS)
			.allSatisfy((event) -> assertThat(event.detail()).isEqualTo("50 halfway"));
		assertThat(all).filteredOn((event) -> event.type() == ObserverEvent.COMPLETED).allSatisfy((event) -> {
			assertThat(event.detail()).isEqualTo("\"ok\"");
			assertThat(event.taskName()).isEqualTo("work");
			assertThat(event.cursor()).isNotNull();
		});
		assertThat(all).noneMatch((event) -> event.type() == ObserverEvent.GAP);
	}

	@Test
	void aFollowerResumesFromACursorWithNothingLostOrRepeated() {
		QueueManager manager = this.managers.build();
		List<String> created = new CopyOnWriteArrayList<>();
		manager.enqueue("x", 0, TaskOptions.defaults().queue(QUEUE));
		EventSubscription first = manager.events()
			.follow(List.of(QUEUE), null, (event) -> created.add(event.taskId()), ObserverEvent.CREATED);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(manager.enqueue("x", i, TaskOptions.defaults().queue(QUEUE)).id());
		}
		await().until(() -> created.size() == 5);
		String cursor = first.cursor();
		first.close();
		for (int i = 0; i < 5; i++) {
			ids.add(manager.enqueue("x", i, TaskOptions.defaults().queue(QUEUE)).id());
		}
		List<TaskEvent> resumed = new CopyOnWriteArrayList<>();
		try (EventSubscription second = manager.events()
			.follow(List.of(QUEUE), cursor, resumed::add, ObserverEvent.CREATED, ObserverEvent.GAP)) {
			await().until(() -> resumed.size() >= 5);
		}
		assertThat(created).containsExactlyElementsOf(ids.subList(0, 5));
		assertThat(resumed).extracting(TaskEvent::taskId).containsExactlyElementsOf(ids.subList(5, 10));
	}

	@Test
	void aFollowerWhosePlaceWasTrimmedAwayIsToldOfTheGapThenGoesOn() {
		QueueManager manager = this.managers.build((builder) -> builder.history(new HistoryOptions(true, 100,
				Duration.ofDays(1), Duration.ofHours(6), Duration.ofDays(14), Duration.ofDays(400), 4_000)));
		manager.enqueue("x", 0, TaskOptions.defaults().queue(QUEUE));
		EventSubscription first = manager.events().follow(List.of(QUEUE), null, (event) -> {
		});
		String cursor = first.cursor();
		first.close();
		// Each enqueue is one stream entry: far more than the stream keeps.
		for (int i = 0; i < 400; i++) {
			manager.enqueue("x", i, TaskOptions.defaults().queue(QUEUE));
		}
		List<TaskEvent> events = new CopyOnWriteArrayList<>();
		try (EventSubscription second = manager.events().follow(List.of(QUEUE), cursor, events::add)) {
			await().until(() -> events.size() > 1);
			String last = manager.enqueue("x", "after", TaskOptions.defaults().queue(QUEUE)).id();
			await().until(() -> events.stream().anyMatch((event) -> last.equals(event.taskId())));
		}
		TaskEvent gap = events.get(0);
		assertThat(gap.type()).isEqualTo(ObserverEvent.GAP);
		assertThat(gap.queue()).isEqualTo(QUEUE);
		long missed = Long.parseLong(gap.detail());
		assertThat(missed).isPositive();
		long delivered = events.stream().filter((event) -> event.type() == ObserverEvent.CREATED).count();
		// Every entry was either missed or delivered: none twice, none silently.
		assertThat(missed + delivered).isEqualTo(401);
		assertThat(events.subList(1, events.size())).noneMatch((event) -> event.type() == ObserverEvent.GAP);
	}

	@Test
	void groupAndQueueOperationsAndPoolsJoiningAndLeavingAreEventsToo() {
		QueueManager follower = this.managers.build((builder) -> builder.workerId("a"));
		QueueManager operator = this.managers.build((builder) -> builder.workerId("b"));
		operator.enqueue("x", 0, TaskOptions.defaults().queue(QUEUE).group("g1"));
		List<TaskEvent> events = new CopyOnWriteArrayList<>();
		try (EventSubscription subscription = follower.events()
			.follow(List.of(QUEUE), null, events::add, ObserverEvent.GROUP_CHANGE, ObserverEvent.QUEUE_CHANGE)) {
			operator.pause(QUEUE);
			operator.resume(QUEUE);
			operator.groups(QUEUE).group("g1").pause();
			operator.groups(QUEUE).group("g1").resume();
			operator.groups(QUEUE).setConcurrency(2);
			operator.groups(QUEUE).group("g1").setPriority(7);
			operator.groups(QUEUE).merge("g1", "g2");
			operator.startWorkers(WorkerPoolOptions.builder().name("pool").queue(QUEUE).build()).stop();
			await().until(() -> events.size() == 9);
		}
		assertThat(events).extracting(TaskEvent::type, TaskEvent::group, TaskEvent::detail)
			.containsExactly(tuple(ObserverEvent.QUEUE_CHANGE, null, "paused"),
					tuple(ObserverEvent.QUEUE_CHANGE, null, "resumed"),
					tuple(ObserverEvent.GROUP_CHANGE, "g1", "paused"),
					tuple(ObserverEvent.GROUP_CHANGE, "g1", "resumed"),
					tuple(ObserverEvent.GROUP_CHANGE, null, "set concurrency=2"),
					tuple(ObserverEvent.GROUP_CHANGE, "g1", "set priority=7"),
					tuple(ObserverEvent.GROUP_CHANGE, "g1", "merged into g2, 1 tasks moved"),
					tuple(ObserverEvent.QUEUE_CHANGE, null, "pool-joined b/pool"),
					tuple(ObserverEvent.QUEUE_CHANGE, null, "pool-left b/pool"));
	}

	@Test
	void theSeedsNamesSubscribeToSetsOfEvents() {
		QueueManager manager = this.managers.build();
		manager.register("work", (task) -> {
			task.progress(10);
			return null;
		});
		List<ObserverEvent> states = new CopyOnWriteArrayList<>();
		List<ObserverEvent> completions = new CopyOnWriteArrayList<>();
		manager.onTaskEvent((event) -> states.add(event.type()), ObserverEvent.STATUS_CHANGE);
		manager.onTaskEvent((event) -> completions.add(event.type()), ObserverEvent.TASK_COMPLETED);
		manager.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).build());
		TaskHandle<Object> handle = manager.enqueue("work", 1, TaskOptions.defaults().queue(QUEUE));
		await().until(() -> completions.size() == 1);
		assertThat(handle.state()).contains(TaskState.COMPLETED);
		assertThat(states).containsExactly(ObserverEvent.CREATED, ObserverEvent.STARTED, ObserverEvent.COMPLETED);
		assertThat(completions).containsExactly(ObserverEvent.COMPLETED);
	}

	@Test
	void followingNeedsHistoryAndValidArguments() {
		QueueManager off = this.managers.build((builder) -> builder.history(HistoryOptions.off()));
		assertThatIllegalStateException().isThrownBy(() -> off.events().followAll((event) -> {
		})).withMessageContaining("history is off");
		QueueManager manager = this.managers.build();
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> manager.events().follow(List.of(QUEUE), "garbage!", (event) -> {
			}))
			.withMessage("cursor is not one an event gave");
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> manager.events().follow(List.of("bad queue"), null, (event) -> {
			}));
	}

}

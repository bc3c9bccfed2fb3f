/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's group is stored with it and read back (scheduling:
 * {@link GroupSchedulingTests}).
 */
@QueueManagerTest
class TaskGroupStorageTests {

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
	}

	@Test
	void groupIsStoredAndReadBack() {
		TaskHandle<Object> handle = this.manager.enqueue("job", 1, TaskOptions.defaults().group("customer-42"));
		assertThat(handle.info().orElseThrow().group()).isEqualTo("customer-42");
	}

	@Test
	void taskWithoutGroupHasNone() {
		TaskHandle<Object> handle = this.manager.enqueue("job", 1);
		assertThat(handle.info().orElseThrow().group()).isNull();
	}

}

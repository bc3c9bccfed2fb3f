/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import dev.cleo.queue.QueueManagerBuilder;

/**
 * Customizes the {@link QueueManagerBuilder} behind the auto-configured
 * {@link dev.cleo.queue.QueueManager}, after the {@code cleo.*} properties are applied
 * and before the manager is built. Beans of this type run in their {@code @Order}.
 * <p>
 * This is how a test controls Cleo's time ({@code builder.clock(...)}): Cleo never takes
 * an application's own {@link java.time.Clock} bean, which is often fixed for other
 * reasons and would keep retries and delayed tasks from ever coming due.
 */
@FunctionalInterface
public interface QueueManagerBuilderCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder, with the properties applied
	 */
	void customize(QueueManagerBuilder builder);

}

/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.aop.TaskDefinitionException;
import dev.cleo.queue.schedule.Reconciliation;
import dev.cleo.queue.schedule.Schedule;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;

/**
 * Makes the schedules stored for this application match the ones its {@code @Task}
 * methods declare, once the context is ready: new ones are created, changed ones updated,
 * and the owner's schedules no instance has declared for {@code cleo.schedules.grace} are
 * removed. From then on the manager keeps declaring the set (see
 * {@code Schedules.reconcile}), so a rolling deploy keeps the old version's schedules
 * until its last instance is gone, and no ghost schedule outlives the grace period.
 * <p>
 * It runs even when nothing is declared: that is how a schedule whose method was removed
 * goes away. Before that, once every bean exists (and so every task method is known), it
 * takes the declared set, refuses it when nobody owns it, and sets whether this instance
 * fires ({@code cleo.schedules.enabled}) while no pool runs yet, since starting one turns
 * firing on.
 */
final class ScheduleReconciler implements SmartInitializingSingleton, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleReconciler.class);

	private final QueueManager manager;

	private final Supplier<List<Schedule>> declarations;

	private final ScheduleSettings settings;

	private volatile List<Schedule> declared = List.of();

	private volatile boolean running;

	/**
	 * A reconciler.
	 * @param manager the manager whose schedules to reconcile
	 * @param declarations the schedules the task methods declare, complete once every
	 * bean exists
	 * @param settings the schedule settings
	 */
	ScheduleReconciler(QueueManager manager, Supplier<List<Schedule>> declarations, ScheduleSettings settings) {
		this.manager = manager;
		this.declarations = declarations;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.manager.schedules().firing().setAllowed(this.settings.enabled());
		List<Schedule> declared = List.copyOf(this.declarations.get());
		checkOwner(declared, this.settings);
		this.declared = declared;
	}

	/**
	 * Refuse declared schedules that nobody owns: without an owner, one application's
	 * start could remove another's schedules in a shared Redis.
	 * @param declared the declared schedules
	 * @param settings the schedule settings
	 * @throws TaskDefinitionException when schedules are declared and no owner is set
	 */
	private static void checkOwner(List<Schedule> declared, ScheduleSettings settings) {
		if (settings.owner() == null && !declared.isEmpty()) {
			throw new TaskDefinitionException(
					"Schedules " + declared.stream().map(Schedule::name).toList()
							+ " are declared by @Task methods, but the application has no name to own them",
					"Set spring.application.name (or cleo.schedules.owner), the same on every instance of the "
							+ "application: a schedule its instances no longer declare is removed after "
							+ "cleo.schedules.grace.");
		}
	}

	@Override
	public void start() {
		if (this.settings.owner() != null) {
			Reconciliation done = this.manager.schedules()
				.reconcile(this.settings.owner(), this.declared, this.settings.grace());
			if (done.created().isEmpty() && done.updated().isEmpty() && done.removed().isEmpty()) {
				logger.debug("Schedules of '{}' unchanged: {}", this.settings.owner(), done.unchanged());
			}
			else {
				logger.info("Schedules of '{}': created {}, updated {}, removed {} (undeclared for {})",
						this.settings.owner(), done.created(), done.updated(), done.removed(), this.settings.grace());
			}
		}
		this.running = true;
	}

	@Override
	public void stop() {
		// The manager stops declaring when it closes.
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}

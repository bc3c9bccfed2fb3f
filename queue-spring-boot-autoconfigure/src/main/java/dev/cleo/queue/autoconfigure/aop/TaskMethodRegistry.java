/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.schedule.Schedule;

import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The application's task methods: found and checked once per bean class, looked up per
 * call by {@link Method}, and listed by bean for the workers. Task ids are unique.
 */
public final class TaskMethodRegistry {

	private final Supplier<TaskMethodFactory> factory;

	private final Supplier<JsonMapper> mapper;

	private final Map<MethodClassKey, TaskMethod> byMethod = new ConcurrentHashMap<>();

	private final Map<String, TaskBean> byId = new LinkedHashMap<>();

	TaskMethodRegistry(Supplier<TaskMethodFactory> factory, Supplier<JsonMapper> mapper) {
		this.factory = factory;
		this.mapper = mapper;
	}

	/**
	 * Whether a class declares tasks.
	 * @param type the class
	 * @return true with {@code @QueueClass} on it or {@code @Task} on a method
	 */
	static boolean declaresTasks(Class<?> type) {
		return AnnotatedElementUtils.hasAnnotation(type, QueueClass.class) || !taskMethods(type).isEmpty();
	}

	/**
	 * Find and check a bean's task methods.
	 * @param beanName the bean's name
	 * @param targetClass the bean's class
	 * @throws TaskDefinitionException when a method cannot work or an id is taken
	 */
	synchronized void define(String beanName, Class<?> targetClass) {
		TaskMethodFactory methods = this.factory.get();
		for (Method method : taskMethods(targetClass)) {
			TaskMethod task = this.byMethod.computeIfAbsent(new MethodClassKey(method, targetClass),
					(key) -> methods.create(method, targetClass));
			TaskBean previous = this.byId.putIfAbsent(task.id(), new TaskBean(beanName, task));
			if (previous != null && (!previous.beanName().equals(beanName) || !previous.task().equals(task))) {
				throw new TaskDefinitionException(
						"Task method " + task.describe() + " has the id '" + task.id() + "', which "
								+ previous.task().describe() + " of bean '" + previous.beanName() + "' already has",
						"Give one of them another id with @Task(id = \"...\"); ids name tasks in Redis across "
								+ "instances.");
			}
		}
	}

	/**
	 * The task behind a called method.
	 * @param method the called method
	 * @param targetClass the class of the bean called
	 * @return the task, or {@code null} when the method is no task
	 */
	TaskMethod find(Method method, Class<?> targetClass) {
		TaskMethod task = this.byMethod.get(new MethodClassKey(method, targetClass));
		return (task != null) ? task : this.byMethod
			.get(new MethodClassKey(ClassUtils.getMostSpecificMethod(method, targetClass), targetClass));
	}

	/**
	 * @return the ids of every task
	 */
	public synchronized Set<String> ids() {
		return Set.copyOf(this.byId.keySet());
	}

	/**
	 * The schedules the task methods declare with
	 * {@code @Task(cron/fixedRate/fixedDelay)}, each named by its task id.
	 * @return the schedules, in the order the methods were found
	 */
	public synchronized List<Schedule> schedules() {
		return this.byId.values().stream().map((bean) -> bean.task().schedule()).filter(Objects::nonNull).toList();
	}

	/**
	 * The task method of an id.
	 * @param id the task id
	 * @return the task method, or {@code null} when no task method has the id
	 */
	synchronized @Nullable TaskMethod byId(String id) {
		TaskBean bean = this.byId.get(id);
		return (bean != null) ? bean.task() : null;
	}

	/**
	 * A handler for every task method, which runs it through the bean as the context
	 * exposes it (its proxy), reading the arguments with the mapper the checks used.
	 * @param beans looks a bean up by name
	 * @return the handlers by task id, in the order the methods were found
	 * @throws TaskDefinitionException when a method cannot be called through its bean
	 */
	public synchronized Map<String, TaskHandler> handlers(Function<String, Object> beans) {
		Map<String, TaskHandler> handlers = new LinkedHashMap<>();
		this.byId.forEach((id, task) -> handlers.put(id,
				TaskMethodHandler.through(task.task(), beans.apply(task.beanName()), this.mapper.get())));
		return handlers;
	}

	/**
	 * @return the queues of every task, sorted
	 */
	public synchronized Set<String> queues() {
		Set<String> queues = new TreeSet<>();
		this.byId.values().forEach((bean) -> queues.add(bean.task().options().queue()));
		return queues;
	}

	/**
	 * Whether a method is a task method of a class (or overrides one).
	 * @param method the method
	 * @param targetClass the class
	 * @return true for a task method
	 * @see TaskMethodSelection
	 */
	static boolean isTaskMethod(Method method, Class<?> targetClass) {
		return TaskMethodSelection.isTask(method, targetClass);
	}

	private static List<Method> taskMethods(Class<?> type) {
		List<Method> methods = new ArrayList<>();
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
			if (TaskMethodSelection.isTask(method, type)) {
				methods.add(method);
			}
		}
		return methods;
	}

	/**
	 * A task method and the bean it belongs to.
	 *
	 * @param beanName the bean's name
	 * @param task the task
	 */
	record TaskBean(String beanName, TaskMethod task) {

	}

}

/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cleo.queue.TaskContext;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.UnreadablePayloadException;
import dev.cleo.queue.autoconfigure.aop.TaskMethod.ReturnKind;

import org.springframework.util.ClassUtils;

/**
 * Runs a task method on a worker: reads the arguments back as the declared types and
 * calls the method on the bean as the application sees it (its proxy, so that
 * {@code @Transactional} and the like apply), with a pass for exactly that call.
 */
final class TaskMethodHandler implements TaskHandler {

	private final TaskMethod task;

	private final Object bean;

	private final Method invocable;

	private final JsonMapper mapper;

	TaskMethodHandler(TaskMethod task, Object bean, Method invocable, JsonMapper mapper) {
		this.task = task;
		this.bean = bean;
		this.invocable = invocable;
		this.mapper = mapper;
	}

	/**
	 * A handler that calls the task method through the bean as the context exposes it.
	 * @param task the task method
	 * @param bean the bean, maybe a proxy
	 * @param mapper reads the arguments
	 * @return the handler
	 * @throws TaskDefinitionException when an interface-based proxy hides the method
	 */
	static TaskMethodHandler through(TaskMethod task, Object bean, JsonMapper mapper) {
		return new TaskMethodHandler(task, bean, invocable(task, bean), mapper);
	}

	private static Method invocable(TaskMethod task, Object bean) {
		Method method = task.method();
		if (method.getDeclaringClass().isInstance(bean)) {
			return method;
		}
		Method onProxy = ClassUtils.getMethodIfAvailable(bean.getClass(), method.getName(), method.getParameterTypes());
		if (onProxy == null) {
			throw TaskMethodFactory.fail(method, "cannot be called through the bean's interface-based proxy",
					"Declare the method on an interface the bean implements, or proxy classes "
							+ "(spring.aop.proxy-target-class=true).");
		}
		return onProxy;
	}

	@Override
	public Object handle(TaskContext context) throws Exception {
		Object[] arguments = arguments(context.payloadJson());
		Object result;
		TaskCallGuard.allow(this.task.method());
		try {
			result = this.invocable.invoke(this.bean, arguments);
		}
		catch (InvocationTargetException ex) {
			throw rethrow(ex.getTargetException());
		}
		finally {
			TaskCallGuard.clear();
		}
		if (this.task.returnKind() == ReturnKind.FUTURE && result != null) {
			try {
				return ((CompletableFuture<?>) result).get();
			}
			catch (ExecutionException ex) {
				throw rethrow(ex.getCause());
			}
		}
		if (result instanceof TaskHandle<?> handle && handle.isCompletedValue()) {
			return handle.result().orElse(null);
		}
		return null;
	}

	private Object[] arguments(String json) {
		try {
			JsonNode array = this.mapper.readTree(json);
			int count = this.task.parameterTypes().length;
			if (!array.isArray() || array.size() != count) {
				throw new UnreadablePayloadException("Task " + this.task.id() + " takes a JSON array of " + count
						+ " arguments, got " + abbreviate(json), null);
			}
			Object[] arguments = new Object[count];
			for (int i = 0; i < count; i++) {
				arguments[i] = this.mapper.readerFor(this.task.parameterTypes()[i]).readValue(array.get(i));
			}
			return arguments;
		}
		catch (JacksonException ex) {
			throw new UnreadablePayloadException("Could not read the arguments of task " + this.task.id() + " as "
					+ this.task.describe() + " declares them: " + ex.getOriginalMessage(), ex);
		}
	}

	private static Exception rethrow(Throwable failure) {
		if (failure instanceof Error error) {
			throw error;
		}
		return (Exception) failure;
	}

	private static String abbreviate(String json) {
		return (json.length() > 200) ? json.substring(0, 200) + "..." : json;
	}

}

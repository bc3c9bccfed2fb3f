/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.annotation.Task;

import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Which methods of a bean are tasks. A method with {@code @Task} always is. Of a
 * {@code @QueueClass} bean, so is every other public instance method, except those a
 * Spring user expects to be called directly: methods of {@link Object}, framework
 * callbacks (a method carrying, directly or as a meta-annotation, one of
 * {@link #CALLBACKS}, named so that none needs to be on the classpath), methods
 * implementing a Spring interface ({@code ApplicationContextAware},
 * {@code ApplicationListener}, {@code SmartLifecycle}, ...) or {@link AutoCloseable}
 * (Spring's inferred destroy method), and JavaBeans getters that do not return a task's
 * type.
 */
final class TaskMethodSelection {

	/**
	 * Annotations that make a method a callback of Spring or of a Spring module, not a
	 * task, unless it also carries {@code @Task}.
	 */
	static final List<String> CALLBACKS = List.of("org.springframework.context.event.EventListener",
			"org.springframework.transaction.event.TransactionalEventListener",
			"org.springframework.scheduling.annotation.Scheduled",
			"org.springframework.scheduling.annotation.Schedules", "org.springframework.scheduling.annotation.Async",
			"org.springframework.context.annotation.Bean", "jakarta.annotation.PostConstruct",
			"jakarta.annotation.PreDestroy", "org.springframework.beans.factory.annotation.Autowired",
			"org.springframework.beans.factory.annotation.Value", "org.springframework.beans.factory.annotation.Lookup",
			"org.springframework.kafka.annotation.KafkaListener", "org.springframework.kafka.annotation.KafkaHandler",
			"org.springframework.amqp.rabbit.annotation.RabbitListener",
			"org.springframework.amqp.rabbit.annotation.RabbitHandler",
			"org.springframework.jms.annotation.JmsListener", "org.springframework.pulsar.annotation.PulsarListener",
			"org.springframework.messaging.handler.annotation.MessageMapping",
			"org.springframework.web.bind.annotation.RequestMapping",
			"org.springframework.web.bind.annotation.ExceptionHandler",
			"org.springframework.web.bind.annotation.ModelAttribute",
			"org.springframework.web.bind.annotation.InitBinder",
			"org.springframework.graphql.data.method.annotation.SchemaMapping",
			"org.springframework.boot.actuate.endpoint.annotation.ReadOperation",
			"org.springframework.boot.actuate.endpoint.annotation.WriteOperation",
			"org.springframework.boot.actuate.endpoint.annotation.DeleteOperation");

	private TaskMethodSelection() {
	}

	/**
	 * Whether a method is a task method of a class (or overrides one).
	 * @param method the method
	 * @param targetClass the class
	 * @return true for a task method
	 */
	static boolean isTask(Method method, Class<?> targetClass) {
		Method specific = ClassUtils.getMostSpecificMethod(method, targetClass);
		if (AnnotatedElementUtils.hasAnnotation(specific, Task.class)) {
			return true;
		}
		return AnnotatedElementUtils.hasAnnotation(targetClass, QueueClass.class) && isPublicInstance(specific)
				&& !isObjectMethod(specific) && !isCallback(specific) && !isGetter(specific)
				&& !implementsContract(specific, targetClass);
	}

	private static boolean isCallback(Method method) {
		MergedAnnotations annotations = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY);
		return CALLBACKS.stream().anyMatch(annotations::isPresent);
	}

	/**
	 * A getter ({@code getX()}, {@code isX()}) answers at once; one that returns a
	 * {@code CompletableFuture} or {@code TaskHandle} may be meant as a task.
	 */
	private static boolean isGetter(Method method) {
		Class<?> type = method.getReturnType();
		String name = method.getName();
		return method.getParameterCount() == 0 && type != void.class && type != CompletableFuture.class
				&& type != TaskHandle.class && (isProperty(name, "get")
						|| (isProperty(name, "is") && (type == boolean.class || type == Boolean.class)));
	}

	private static boolean isProperty(String name, String prefix) {
		return name.length() > prefix.length() && name.startsWith(prefix)
				&& Character.isUpperCase(name.charAt(prefix.length()));
	}

	/**
	 * Whether the method implements one of a Spring interface's, which Spring calls
	 * directly ({@code setApplicationContext}, {@code onApplicationEvent},
	 * {@code stop(Runnable)}, ...), or {@link AutoCloseable#close()}.
	 */
	private static boolean implementsContract(Method method, Class<?> targetClass) {
		for (Class<?> type : ClassUtils.getAllInterfacesForClassAsSet(targetClass)) {
			if (type == AutoCloseable.class || type.getName().startsWith("org.springframework.")) {
				for (Method contract : type.getMethods()) {
					if (overrides(method, contract, targetClass)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean overrides(Method method, Method contract, Class<?> targetClass) {
		if (!contract.getName().equals(method.getName())
				|| contract.getParameterCount() != method.getParameterCount()) {
			return false;
		}
		for (int i = 0; i < contract.getParameterCount(); i++) {
			Class<?> resolved = ResolvableType.forMethodParameter(contract, i, targetClass).resolve(Object.class);
			if (resolved != method.getParameterTypes()[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean isPublicInstance(Method method) {
		return Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers());
	}

	private static boolean isObjectMethod(Method method) {
		return method.getDeclaringClass() == Object.class
				|| ReflectionUtils.findMethod(Object.class, method.getName(), method.getParameterTypes()) != null;
	}

}

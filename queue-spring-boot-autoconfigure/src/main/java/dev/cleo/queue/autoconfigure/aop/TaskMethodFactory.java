/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import dev.cleo.queue.InvalidTaskOptionException;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.annotation.DefaultOptions;
import dev.cleo.queue.annotation.QueueClass;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.autoconfigure.aop.TaskMethod.ReturnKind;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.StringUtils;

/**
 * Works out a {@link TaskMethod} from a method's annotations, its class's
 * {@link QueueClass @QueueClass} and the configured defaults, and checks that it can
 * work: its return type, that Jackson can carry its parameters and result, its
 * expressions.
 */
final class TaskMethodFactory {

	private static final SpelExpressionParser PARSER = new SpelExpressionParser();

	private final TaskMethodDefaults defaults;

	private final JacksonTypeCheck typeCheck;

	private final JsonMapper mapper;

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final TaskScheduleFactory schedules;

	private final AttributeText text;

	TaskMethodFactory(TaskMethodDefaults defaults, JsonMapper mapper) {
		this(defaults, mapper, UnaryOperator.identity());
	}

	/**
	 * A factory.
	 * @param defaults what task methods inherit from configuration
	 * @param mapper the mapper payloads are written with
	 * @param placeholders resolves {@code ${...}} in the String attributes
	 */
	TaskMethodFactory(TaskMethodDefaults defaults, JsonMapper mapper, UnaryOperator<String> placeholders) {
		this.defaults = defaults;
		this.mapper = mapper;
		this.typeCheck = new JacksonTypeCheck(mapper);
		this.text = new AttributeText(placeholders);
		this.schedules = new TaskScheduleFactory(defaults.schedules(), this.text);
	}

	TaskMethod create(Method method, Class<?> targetClass) {
		if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
			throw fail(method, "must be a public instance method", "Make it public and not static, or remove @Task.");
		}
		if (Modifier.isFinal(method.getModifiers())) {
			throw fail(method, "is final; CGLIB proxies cannot intercept it, so a call would run inline",
					"Remove final, or make it no task: not public, or on another bean.");
		}
		MergedAnnotation<QueueClass> queueClass = MergedAnnotations.from(targetClass).get(QueueClass.class);
		MergedAnnotation<Task> task = MergedAnnotations.from(method).get(Task.class);
		ResolvableType returnType = ResolvableType.forMethodReturnType(method, targetClass);
		ReturnKind kind = returnKind(method, returnType);
		Type resultType = resultType(kind, returnType);
		if (kind != ReturnKind.VOID && resultType != Void.class) {
			check(method, "its result type", resultType);
		}
		JavaType[] parameterTypes = new JavaType[method.getParameterCount()];
		for (int i = 0; i < parameterTypes.length; i++) {
			Type type = ResolvableType.forMethodParameter(method, i, targetClass).getType();
			parameterTypes[i] = check(method, "parameter " + (i + 1), type);
		}
		String id = id(method, targetClass, task);
		TaskOptions options = options(method, id, queueClass, task, kind);
		TaskMethod created = new TaskMethod(id, method, kind, resultType, parameterTypes, options,
				expression(method, queueClass, task, "group"), expression(method, queueClass, task, "dedupeKey"), null,
				AfterCommitEnqueue.declared(method, task, kind, this.defaults.enqueueAfterCommit()));
		return created.withSchedule(this.schedules.create(created, task));
	}

	private String id(Method method, Class<?> targetClass, MergedAnnotation<Task> task) {
		String id = this.text.get(method, task, "id");
		return StringUtils.hasText(id) ? id : targetClass.getSimpleName() + "." + method.getName();
	}

	private static Type resultType(ReturnKind kind, ResolvableType returnType) {
		if (kind == ReturnKind.VOID) {
			return void.class;
		}
		ResolvableType result = returnType.getGeneric(0);
		return (result.resolve() != null) ? result.getType() : Object.class;
	}

	private ReturnKind returnKind(Method method, ResolvableType returnType) {
		Class<?> raw = returnType.toClass();
		if (raw == void.class) {
			return ReturnKind.VOID;
		}
		if (raw == CompletableFuture.class) {
			return ReturnKind.FUTURE;
		}
		if (raw == TaskHandle.class) {
			return ReturnKind.HANDLE;
		}
		throw fail(method, "must return void, CompletableFuture or TaskHandle",
				"A task runs later, maybe on another instance: return void, CompletableFuture<T> for its result, "
						+ "or TaskHandle<T> to follow it, instead of "
						+ returnType.toString().replaceAll("\\b[a-z][\\w$]*\\.", "") + ".");
	}

	private JavaType check(Method method, String what, Type type) {
		JavaType javaType = this.mapper.getTypeFactory().constructType(type);
		String problem = this.typeCheck.problem(javaType);
		if (problem != null) {
			throw fail(method, "cannot carry " + what + " (" + type.getTypeName() + ") as JSON: " + problem,
					"Declare a concrete type Jackson can write and read back, such as a record, a List or Map of "
							+ "records, or JsonNode; task payloads never carry type information.");
		}
		return javaType;
	}

	/**
	 * The options, attribute by attribute from the first place that sets one:
	 * {@code cleo.tasks.<id>}, {@code @Task}, {@code @DefaultOptions},
	 * {@code cleo.queues.<queue>}, {@code cleo.defaults}.
	 */
	private TaskOptions options(Method method, String id, MergedAnnotation<QueueClass> queueClass,
			MergedAnnotation<Task> task, ReturnKind kind) {
		String queue = this.text.get(method, task, "queue");
		queue = queue.isEmpty() ? this.text.get(method, queueClass, "queue") : queue;
		AnnotatedOptions.Text text = (annotation, attribute) -> this.text.get(method, annotation, attribute);
		try {
			TaskOptions options = this.defaults.taskOptions(queue.isEmpty() ? TaskOptions.DEFAULT_QUEUE : queue);
			if (queueClass.isPresent()) {
				options = AnnotatedOptions.apply(options,
						queueClass.getAnnotation("defaultOptions", DefaultOptions.class), text);
			}
			options = task.isPresent() ? AnnotatedOptions.apply(options, task, text) : options;
			options = this.defaults.overrideTask(id, options);
			return (kind == ReturnKind.FUTURE) ? options.notifyOnFinish(true) : options;
		}
		catch (InvalidTaskOptionException | IllegalArgumentException ex) {
			throw fail(method, "has invalid options: " + ex.getMessage(),
					"Fix the attribute of @Task, @QueueClass or the cleo.* property named above.");
		}
	}

	private Expression expression(Method method, MergedAnnotation<QueueClass> queueClass, MergedAnnotation<Task> task,
			String attribute) {
		// Placeholders first, as @KafkaListener and @Scheduled resolve theirs: the
		// expression may then read "'${app.region}-' + #order.customerId".
		String text = this.text.get(method, task, attribute);
		if (text.isEmpty() && queueClass.isPresent()) {
			text = this.text.get(method, queueClass.getAnnotation("defaultOptions", DefaultOptions.class), attribute);
		}
		if (text.isEmpty()) {
			return null;
		}
		if (method.getParameterCount() > 0 && this.parameterNames.getParameterNames(method) == null) {
			throw fail(method, "uses " + attribute + " '" + text + "' but its parameter names are not known",
					"Compile with -parameters (maven-compiler-plugin <parameters>true</parameters>).");
		}
		Expression expression;
		try {
			expression = PARSER.parseExpression(text);
		}
		catch (ParseException ex) {
			throw fail(method, "has an invalid " + attribute + " expression '" + text + "': " + ex.getMessage(),
					"Write a SpEL expression over the arguments by name, such as #order.customerId, "
							+ "or quote plain text: 'reports'.");
		}
		// A scheduled method's group is refused with its own reason, where schedules are
		// made.
		List<String> unknown = isScheduled(task) ? List.of()
				: ExpressionVariables.unknown(expression, method, this.parameterNames);
		if (!unknown.isEmpty()) {
			throw fail(method,
					"has a " + attribute + " expression '" + text + "' that reads "
							+ unknown.stream().map((name) -> "#" + name).toList() + ", which no parameter is named",
					"Read the parameters by name (" + parameterList(method) + ") or by position (#p0).");
		}
		return expression;
	}

	private static boolean isScheduled(MergedAnnotation<Task> task) {
		return task.isPresent() && (!task.getString("cron").isEmpty() || !task.getString("fixedRate").isEmpty()
				|| !task.getString("fixedDelay").isEmpty());
	}

	private String parameterList(Method method) {
		String[] names = this.parameterNames.getParameterNames(method);
		return (names == null || names.length == 0) ? "the method has none"
				: String.join(", ", Arrays.stream(names).map((name) -> "#" + name).toList());
	}

	static TaskDefinitionException fail(Method method, String problem, String action) {
		return new TaskDefinitionException("Task method " + TaskMethod.describe(method) + " " + problem, action);
	}

}

/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * The variables a task method's {@code group} or {@code dedupeKey} expression may read:
 * its parameters by name, and {@code #p0}/{@code #a0} by position, as
 * {@link org.springframework.context.expression.MethodBasedEvaluationContext} defines
 * them. A variable that is none of these (a typo such as {@code #ordr.customerId}) would
 * only fail at the first call, or quietly read null; checking at start-up fails the start
 * instead, naming the method. Internal.
 */
final class ExpressionVariables {

	private ExpressionVariables() {
	}

	/**
	 * The variables of the expression that the method's calls do not define.
	 * @param expression a parsed expression
	 * @param method the task method
	 * @param names how parameter names are read
	 * @return the unknown names, without {@code #}, in order of appearance
	 */
	static List<String> unknown(Expression expression, Method method, ParameterNameDiscoverer names) {
		if (!(expression instanceof SpelExpression spel)) {
			return List.of();
		}
		Set<String> known = new LinkedHashSet<>(List.of("root", "this"));
		String[] parameters = names.getParameterNames(method);
		for (int i = 0; i < method.getParameterCount(); i++) {
			known.add("p" + i);
			known.add("a" + i);
			if (parameters != null && parameters[i] != null) {
				known.add(parameters[i]);
			}
		}
		List<String> unknown = new ArrayList<>();
		collect(spel.getAST(), known, unknown);
		return unknown;
	}

	private static void collect(SpelNode node, Set<String> known, List<String> unknown) {
		if (node instanceof VariableReference) {
			String name = node.toStringAST().substring(1);
			if (!known.contains(name) && !unknown.contains(name)) {
				unknown.add(name);
			}
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			collect(node.getChild(i), known, unknown);
		}
	}

}

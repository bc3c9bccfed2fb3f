/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small scan of Lua source, enough to check includes: the names a file defines
 * ({@code local}s, function parameters, loop variables), the ones it defines at its top
 * level (what an include can give others), and the free names it uses (neither a field
 * after {@code .} or {@code :}, nor a table key). Not scope-aware: a name defined
 * anywhere in the file counts as its own.
 */
final class LuaNames {

	private static final Set<String> KEYWORDS = Set.of("and", "break", "do", "else", "elseif", "end", "false", "for",
			"function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until",
			"while");

	final Set<String> defined = new LinkedHashSet<>();

	final Set<String> topLevel = new LinkedHashSet<>();

	final Set<String> used = new LinkedHashSet<>();

	private LuaNames() {
	}

	static LuaNames of(String source) {
		LuaNames names = new LuaNames();
		names.scan(tokens(source));
		return names;
	}

	private void scan(List<Token> tokens) {
		Deque<String> brackets = new ArrayDeque<>();
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			String text = token.text();
			if ("{".equals(text) || "(".equals(text) || "[".equals(text)) {
				brackets.push(text);
			}
			else if ("}".equals(text) || ")".equals(text) || "]".equals(text)) {
				brackets.poll();
			}
			else if ("local".equals(text)) {
				definitions(tokens, i + 1, token.lineStart());
			}
			else if ("function".equals(text)) {
				parameters(tokens, i + 1);
			}
			else if ("for".equals(text)) {
				names(tokens, i + 1, false);
			}
			else if (token.isName() && !KEYWORDS.contains(text) && !isField(tokens, i)
					&& !isTableKey(tokens, i, brackets)) {
				this.used.add(text);
			}
		}
	}

	private void definitions(List<Token> tokens, int from, boolean topLevel) {
		names(tokens, ("function".equals(tokens.get(from).text())) ? from + 1 : from, topLevel);
	}

	/** A name list ({@code a, b, c}) starting at {@code from}. */
	private void names(List<Token> tokens, int from, boolean topLevel) {
		for (int j = from; j < tokens.size() && tokens.get(j).isName(); j += 2) {
			this.defined.add(tokens.get(j).text());
			if (topLevel) {
				this.topLevel.add(tokens.get(j).text());
			}
			if (j + 1 >= tokens.size() || !",".equals(tokens.get(j + 1).text())) {
				break;
			}
		}
	}

	private void parameters(List<Token> tokens, int from) {
		int j = from;
		while (j < tokens.size() && !"(".equals(tokens.get(j).text())) {
			j++;
		}
		for (j++; j < tokens.size() && !")".equals(tokens.get(j).text()); j++) {
			if (tokens.get(j).isName()) {
				this.defined.add(tokens.get(j).text());
			}
		}
	}

	private static boolean isField(List<Token> tokens, int i) {
		return i > 0 && (".".equals(tokens.get(i - 1).text()) || ":".equals(tokens.get(i - 1).text()));
	}

	private static boolean isTableKey(List<Token> tokens, int i, Deque<String> brackets) {
		return "{".equals(brackets.peek()) && i > 0 && i + 1 < tokens.size()
				&& ("{".equals(tokens.get(i - 1).text()) || ",".equals(tokens.get(i - 1).text()))
				&& "=".equals(tokens.get(i + 1).text());
	}

	/** Names, numbers and punctuation; comments and strings left out. */
	private static List<Token> tokens(String source) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		boolean lineStart = true;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (c == '\n') {
				lineStart = true;
				i++;
			}
			else if (Character.isWhitespace(c)) {
				lineStart = false;
				i++;
			}
			else if (source.startsWith("--", i)) {
				int end = source.startsWith("--[[", i) ? source.indexOf("]]", i) + 2 : source.indexOf('\n', i);
				i = (end < 0 || end < i) ? source.length() : end;
			}
			else if (source.startsWith("[[", i)) {
				i = source.indexOf("]]", i) + 2;
				tokens.add(new Token("\"\"", lineStart));
				lineStart = false;
			}
			else if (c == '"' || c == '\'') {
				int j = i + 1;
				while (source.charAt(j) != c) {
					j += (source.charAt(j) == '\\') ? 2 : 1;
				}
				i = j + 1;
				tokens.add(new Token("\"\"", lineStart));
				lineStart = false;
			}
			else {
				int end = end(source, i);
				tokens.add(new Token(source.substring(i, end), lineStart));
				lineStart = false;
				i = end;
			}
		}
		return tokens;
	}

	private static int end(String source, int i) {
		char c = source.charAt(i);
		int j = i + 1;
		if (Character.isLetter(c) || c == '_') {
			while (j < source.length() && (Character.isLetterOrDigit(source.charAt(j)) || source.charAt(j) == '_')) {
				j++;
			}
			return j;
		}
		if (Character.isDigit(c)) {
			while (j < source.length() && (Character.isLetterOrDigit(source.charAt(j)) || source.charAt(j) == '.'
					|| ((source.charAt(j) == '-' || source.charAt(j) == '+')
							&& (source.charAt(j - 1) == 'e' || source.charAt(j - 1) == 'E')))) {
				j++;
			}
			return j;
		}
		for (String operator : List.of("...", "..", "==", "~=", "<=", ">=")) {
			if (source.startsWith(operator, i)) {
				return i + operator.length();
			}
		}
		return j;
	}

	private record Token(String text, boolean lineStart) {

		boolean isName() {
			char c = this.text.charAt(0);
			return Character.isLetter(c) || c == '_';
		}

	}

}

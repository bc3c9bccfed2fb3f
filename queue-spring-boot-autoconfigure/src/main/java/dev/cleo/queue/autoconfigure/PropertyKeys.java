/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;

/**
 * The keys a bound class takes, in the form a user types them ({@code backoff.max-delay},
 * {@code groups.priorities.<group>}), and the one closest to a mistyped key, for start-up
 * reports that say "did you mean". Internal.
 */
final class PropertyKeys {

	private PropertyKeys() {
	}

	/**
	 * The leaf keys of a class bound by Spring Boot: a nested object's keys under its
	 * name, a map's under {@code <key>}.
	 * @param type the class
	 * @return the keys
	 */
	static List<String> of(Class<?> type) {
		List<String> keys = new ArrayList<>();
		collect("", type, keys);
		return keys;
	}

	private static void collect(String prefix, Class<?> type, List<String> keys) {
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getReadMethod() == null || property.getName().equals("class")) {
				continue;
			}
			String name = prefix + property.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			Class<?> value = property.getPropertyType();
			if (Map.class.isAssignableFrom(value)) {
				Type generic = property.getReadMethod().getGenericReturnType();
				Type mapValue = ((ParameterizedType) generic).getActualTypeArguments()[1];
				if (isCleos(mapValue)) {
					collect(name + ".<key>.", (Class<?>) mapValue, keys);
				}
				else {
					keys.add(name + ".<key>");
				}
			}
			else if (isCleos(value)) {
				collect(name + ".", value, keys);
			}
			else if (property.getWriteMethod() != null || Collection.class.isAssignableFrom(value)) {
				keys.add(name);
			}
		}
	}

	private static boolean isCleos(Type type) {
		return type instanceof Class<?> cls && !cls.isEnum()
				&& cls.getPackageName().equals(PropertyKeys.class.getPackageName());
	}

	/**
	 * The known key closest to a mistyped one, when it is close enough to be what was
	 * meant (at most two edits, or a third of its length).
	 * @param typed the key as typed, relative to the same prefix as the known keys
	 * @param known the keys
	 * @return the suggestion, or {@code null}
	 */
	static @Nullable String closest(String typed, Collection<String> known) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String key : known) {
			int distance = distance(typed, key.replace("<key>", last(typed, key)));
			if (distance < bestDistance) {
				best = key;
				bestDistance = distance;
			}
		}
		return (best != null && bestDistance <= Math.max(2, typed.length() / 3)) ? best : null;
	}

	/** A map key of the typed key at the place {@code <key>} holds in the known one. */
	private static String last(String typed, String key) {
		String[] typedParts = typed.split("\\.");
		String[] keyParts = key.split("\\.");
		for (int i = 0; i < keyParts.length && i < typedParts.length; i++) {
			if (keyParts[i].equals("<key>")) {
				return typedParts[i];
			}
		}
		return "<key>";
	}

	/** Levenshtein distance. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}

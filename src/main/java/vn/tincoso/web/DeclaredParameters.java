package vn.tincoso.web;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters an endpoint declares, its {@code @QueryParam}s directly or in {@code @BeanParam}s, in name
 * order; those bound to a collection may be repeated.
 */
public record DeclaredParameters(Set<String> names, Set<String> repeatable) {

    public static DeclaredParameters of(Method method) {
        DeclaredParameters declared = new DeclaredParameters(new TreeSet<>(), new TreeSet<>());
        for (Parameter parameter : method.getParameters()) {
            declared.collect(parameter.getAnnotation(QueryParam.class), parameter.getType(),
                    parameter.isAnnotationPresent(BeanParam.class));
        }
        return declared.frozen();
    }

    /** The names a {@code @BeanParam} class declares. */
    public static Set<String> ofBean(Class<?> bean) {
        DeclaredParameters declared = new DeclaredParameters(new TreeSet<>(), new TreeSet<>());
        declared.collect(null, bean, true);
        return declared.frozen().names();
    }

    private void collect(QueryParam name, Class<?> type, boolean bean) {
        if (name != null) {
            names.add(name.value());
            if (Collection.class.isAssignableFrom(type)) {
                repeatable.add(name.value());
            }
        }
        for (Class<?> declaring = bean ? type : null; declaring != null && declaring != Object.class;
                declaring = declaring.getSuperclass()) {
            for (Field field : declaring.getDeclaredFields()) {
                collect(field.getAnnotation(QueryParam.class), field.getType(), field.isAnnotationPresent(BeanParam.class));
            }
        }
    }

    private DeclaredParameters frozen() {
        return new DeclaredParameters(Collections.unmodifiableSet(names), Collections.unmodifiableSet(repeatable));
    }
}

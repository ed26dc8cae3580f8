package vn.tincoso.web;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;

/** The query parameters an endpoint declares: its {@code @QueryParam}s, directly or in {@code @BeanParam}s, in name order. */
public final class DeclaredParameters {

    private DeclaredParameters() {
    }

    public static Set<String> of(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            collect(parameter.getAnnotation(QueryParam.class), parameter.isAnnotationPresent(BeanParam.class) ? parameter.getType() : null, names);
        }
        return Collections.unmodifiableSet(names);
    }

    /** The names a {@code @BeanParam} class declares. */
    public static Set<String> ofBean(Class<?> bean) {
        Set<String> names = new TreeSet<>();
        collect(null, bean, names);
        return Collections.unmodifiableSet(names);
    }

    private static void collect(QueryParam name, Class<?> bean, Set<String> names) {
        if (name != null) {
            names.add(name.value());
        }
        for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                collect(field.getAnnotation(QueryParam.class), field.isAnnotationPresent(BeanParam.class) ? field.getType() : null, names);
            }
        }
    }
}

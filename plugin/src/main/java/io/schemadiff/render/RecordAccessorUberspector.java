package io.schemadiff.render;

import org.apache.velocity.runtime.parser.node.AbstractExecutor;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelPropertyGet;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Lets templates read record components as properties: {@code $change.table} calls
 * {@code table()}, where plain Velocity only knows {@code getTable()}.
 */
public final class RecordAccessorUberspector extends UberspectImpl {

    @Override
    public VelPropertyGet getPropertyGet(Object target, String identifier, Info info) {
        VelPropertyGet getter = super.getPropertyGet(target, identifier, info);
        if (getter != null || target == null) {
            return getter;
        }
        try {
            Method accessor = target.getClass().getMethod(identifier);
            if (accessor.getReturnType() == void.class || Modifier.isStatic(accessor.getModifiers())) {
                return null;
            }
            return new VelGetterImpl(new AccessorExecutor(accessor));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static final class AccessorExecutor extends AbstractExecutor {
        AccessorExecutor(Method accessor) {
            accessor.setAccessible(true);
            setMethod(accessor);
        }

        @Override
        public Object execute(Object target) throws IllegalAccessException, InvocationTargetException {
            return getMethod().invoke(target);
        }
    }
}

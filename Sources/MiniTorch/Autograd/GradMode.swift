#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `torch.is_grad_enabled()`, per thread (DataParallel runs replicas on threads).
public enum GradMode {
    nonisolated(unsafe) private static var key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()
    /// True unless inside `no_grad` on this thread.
    public static var isEnabled: Bool {
        get { pthread_getspecific(key) == nil }
        set { pthread_setspecific(key, newValue ? nil : UnsafeRawPointer(bitPattern: 1)) }
    }
    /// Runs `body` with grad mode set to `enabled`, restoring the previous mode afterwards.
    public static func with<R>(enabled: Bool, _ body: () throws -> R) rethrows -> R {
        let old = isEnabled
        isEnabled = enabled
        defer { isEnabled = old }
        return try body()
    }
}

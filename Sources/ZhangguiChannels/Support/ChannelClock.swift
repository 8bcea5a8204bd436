#if canImport(Glibc)
import Glibc
#endif

/// The current time in UTC milliseconds; tests pass a fixed clock.
public typealias ChannelClock = @Sendable () -> Int64

/// The system's real-time clock.
public let systemClock: ChannelClock = {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
}

import Foundation

/// Wall-clock samples and their summary. Medians and p99s of many runs, because the machines
/// these run on are shared and noisy.
struct Samples {
    private(set) var milliseconds: [Double] = []

    mutating func add(_ value: Double) { milliseconds.append(value) }

    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }

    func percentile(_ p: Double) -> Double {
        guard !milliseconds.isEmpty else { return .nan }
        let sorted = milliseconds.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}

enum Clock {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1_000_000
    }

    /// Runs `body` `count` times and returns the samples in milliseconds.
    static func measure(_ count: Int, _ body: (Int) throws -> Void) rethrows -> Samples {
        var samples = Samples()
        for index in 0..<count {
            let start = now()
            try body(index)
            samples.add(now() - start)
        }
        return samples
    }
}

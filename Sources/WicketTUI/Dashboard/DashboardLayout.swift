/// Where the dashboard's panels go: all five on one screen from 150 columns, two pages of two
/// columns from 100, one panel per page below that. The page shown is the selected panel's.
enum DashboardLayout {
    /// Pages → columns → panels (indices into `DashboardContent.panels`).
    static func pages(width: Int) -> [[[Int]]] {
        let c = DashboardContent.self
        if width >= 150 { return [[[c.backlog, c.queues], [c.deadlines, c.satisfaction], [c.flow]]] }
        if width >= 100 { return [[[c.backlog], [c.queues]], [[c.deadlines, c.satisfaction], [c.flow]]] }
        return [[[c.backlog]], [[c.queues]], [[c.deadlines]], [[c.flow]], [[c.satisfaction]]]
    }

    static func page(of panel: Int, width: Int) -> Int {
        pages(width: width).firstIndex { $0.joined().contains(panel) } ?? 0
    }

    /// The title row, the body and the two bottom rows (status bar, message line).
    static func frame(width: Int, height: Int) -> (title: Rect, body: Rect, statusBar: Rect, message: Rect) {
        let screen = Rect(width: width, height: height)
        let (title, rest) = screen.splitTop(1)
        let (body, bottom) = rest.splitBottom(2)
        let (statusBar, message) = bottom.splitTop(1)
        return (title, body, statusBar, message)
    }

    /// Boxes for the panels of one page. Columns share the width (the first, with the table, a
    /// little more); panels stacked in a column get the rows they need, the last one the rest,
    /// or shares by need when they do not all fit (each then scrolls to its selection).
    static func boxes(page: [[Int]], lineCounts: [Int], in body: Rect) -> [(panel: Int, box: Rect)] {
        let weights = page.enumerated().map { index, _ in index == 0 && page.count > 1 ? 36 : 32 }
        var result: [(Int, Rect)] = []
        for (column, rect) in zip(page, body.columns(weights: weights)) {
            let needs = column.map { (lineCounts.indices.contains($0) ? lineCounts[$0] : 0) + 2 }
            var heights: [Int]
            if needs.reduce(0, +) <= rect.height {
                heights = needs
                heights[heights.count - 1] += rect.height - needs.reduce(0, +)
            } else {
                heights = rect.rows(weights: needs).map(\.height)
            }
            var top = rect.row
            for (panel, height) in zip(column, heights) {
                result.append((panel, Rect(row: top, column: rect.column, width: rect.width, height: height)))
                top += height
            }
        }
        return result
    }
}

package vn.tincoso.deploy;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import vn.tincoso.testing.Json;
import vn.tincoso.testing.Imports;

/** Articles for the tests of the packaged application, imported through the API like a portal's. */
final class SampleArticles {

    private SampleArticles() {
    }

    /** Imports {@code count} distinct articles of a Hà Nội ward, numbered from {@code first}, in one request. */
    static void importInto(String apiUrl, int first, int count) {
        String lines = IntStream.range(first, first + count)
                .mapToObj(n -> "{\"text\": " + Json.quote(text(n)) + "}")
                .collect(Collectors.joining("\n"));
        Imports.ndjsonAsAdmin().baseUri(apiUrl).body(lines).post("/api/v1/imports")
                .then().statusCode(200).body("items.status", everyItem(is("created")));
    }

    static String text(int n) {
        return "Phường Bách Khoa sơ kết Đề án 11-ĐA/TU, lần " + n + "\n"
                + "Ngày đăng 03/06/2024 | " + String.format("%02d:%02d", 8 + n / 60 % 12, n % 60) + "\n\n"
                + "Sáng ngày 31/5, Đảng ủy phường Bách Khoa thuộc quận Hai Bà Trưng đã tổ chức hội nghị sơ kết lần thứ " + n
                + " việc thực hiện Đề án số 11-ĐA/TU của Ban Thường vụ Thành ủy.";
    }
}

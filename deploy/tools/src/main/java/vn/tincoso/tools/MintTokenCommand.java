package vn.tincoso.tools;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Set;
import java.util.concurrent.Callable;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Mints a Bearer token for local use (deploy/local/mint-token.sh), signed with the development key unless
 * told otherwise. Production tokens come from the organisation's identity provider, not from here.
 */
@Command(name = "mint-token.sh", mixinStandardHelpOptions = true,
        description = "Tạo mã truy cập JWT để dùng thử API ghi trên máy mình.")
public class MintTokenCommand implements Callable<Integer> {

    /** The roles and the editor's unit claim as the API reads them (vn.tincoso.auth.Roles there). */
    static final String ADMIN = "admin";
    static final String EDITOR = "editor";
    static final String ORGANISATION_CLAIM = "org";

    @Option(names = "--role", required = true, description = "admin hoặc editor.")
    String role;

    @Option(names = "--org", description = "Slug đơn vị của biên tập viên (bắt buộc với editor).")
    String organisation;

    @Option(names = "--subject", defaultValue = "nguoi-dung-thu", description = "Tên người dùng ghi vào bản sửa đổi (mặc định: ${DEFAULT-VALUE}).")
    String subject;

    @Option(names = "--hours", defaultValue = "12", description = "Hiệu lực, giờ (mặc định: ${DEFAULT-VALUE}).")
    long hours;

    @Option(names = "--key", defaultValue = "deploy/local/jwt/dev-private.pem", description = "Khóa bí mật PEM (mặc định: ${DEFAULT-VALUE}).")
    Path key;

    @Option(names = "--issuer", defaultValue = "https://tincoso.vn", description = "Phải bằng mp.jwt.verify.issuer (mặc định: ${DEFAULT-VALUE}).")
    String issuer;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MintTokenCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!role.equals(ADMIN) && !role.equals(EDITOR)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--role must be admin or editor");
        }
        if (role.equals(EDITOR) && organisation == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "an editor needs --org");
        }
        JwtClaimsBuilder claims = Jwt.issuer(issuer).subject(subject).upn(subject).groups(Set.of(role)).expiresIn(hours * 3600);
        if (organisation != null) {
            claims.claim(ORGANISATION_CLAIM, organisation);
        }
        PrivateKey privateKey = KeyUtils.decodePrivateKey(java.nio.file.Files.readString(key));
        System.out.println(claims.sign(privateKey));
        return 0;
    }
}

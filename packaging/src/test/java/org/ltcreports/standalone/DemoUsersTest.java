package org.ltcreports.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;

/** The evaluation users the README lists, as the standalone server loads them. */
class DemoUsersTest {

  @Test
  void theEvaluationCaseManagerHoldsCaseloadL02Cm001AndNoPractice() throws Exception {
    StandaloneSecurity demo = StandaloneSecurity.demo();
    List<String> users = Files.readAllLines(demo.usersFile());
    assertThat(users).contains("casemanager: casemanager-demo, CASE_MANAGER");
    HostUser cm =
        demo.directory().resolve("casemanager", Role.CASE_MANAGER.name()::equals).orElseThrow();
    assertThat(cm.roles()).containsExactly(Role.CASE_MANAGER);
    assertThat(cm.caseManagers()).containsExactly("L02-CM001");
    assertThat(cm.practices()).isEmpty();
    assertThat(cm.localities()).isEmpty();
  }
}

package org.gridwork.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import org.gridwork.account.AccountService;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.today.TodayItem;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
import org.gridwork.territory.Grids;
import org.gridwork.territory.Regions;
import org.gridwork.territory.StaffAssignments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class TaskServiceTest {

    @Autowired
    TaskService tasks;

    @Autowired
    TaskTodaySource today;

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;
    @Autowired
    StaffAssignments assignments;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @BeforeEach
    void secondTown() {
        SecondTown.ensure(regions, grids, assignments, accounts);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    private void as(String username) {
        SecondTown.actAs(users, username);
    }

    private long grid(String code) {
        return grids.findGridByCode(code).orElseThrow().id();
    }

    private long user(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }

    private long createForGrids(String title, LocalDate due, String... gridCodes) {
        as("supervisor");
        return tasks.create(new NewTask(title, "do it", due, AssigneeMode.GRIDS, null,
                java.util.Arrays.stream(gridCodes).map(this::grid).toList(), null));
    }

    @Test
    void allStaffOfTheChosenGridsGetTheTaskAndEachSeesOnlyTheirOwnShare() {
        long id = createForGrids("grids task", tasks.today().plusDays(3), "130528112201-001", "130528112201-002",
                "130528112202-001");

        TaskMatrix matrix = tasks.matrix(id);
        // staff looks after both 201 grids but gets the task once
        assertThat(matrix.rows()).extracting(AssignmentRow::assigneeName).containsExactly("李秀英", "张伟");
        assertThat(matrix.rows()).extracting(AssignmentRow::gridCode).containsExactly("130528112201-001", "130528112202-001");
        assertThat(matrix.count(TaskStatus.NOT_STARTED)).isEqualTo(2);

        as("staff");
        assertThat(tasks.myAssignment(id).status()).isEqualTo(TaskStatus.NOT_STARTED);
        as(SecondTown.STAFF);
        assertThatThrownBy(() -> tasks.myAssignment(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks.recordProgress(id, TaskStatus.DONE, "x", null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRegionAssignsTheStaffOfEveryGridBelowIt() {
        as("supervisor");
        long id = tasks.create(new NewTask("village task", "do it", tasks.today(), AssigneeMode.REGION, null, null,
                "130528112202"));
        assertThat(tasks.matrix(id).rows()).extracting(AssignmentRow::assigneeName).containsExactly("张伟");
    }

    @Test
    void aSupervisorCanNeitherAssignNorSeeAnythingOfAnotherTown() {
        long houkou = createForGrids("houkou only", tasks.today().plusDays(1), "130528112201-001");
        LocalDate due = tasks.today().plusDays(1);
        long otherGrid = grid(SecondTown.GRID);
        long otherStaff = user(SecondTown.STAFF);

        assertThatThrownBy(() -> tasks.create(new NewTask("t", "i", due, AssigneeMode.GRIDS, null, List.of(otherGrid), null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks.create(new NewTask("t", "i", due, AssigneeMode.PEOPLE, List.of(otherStaff), null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks.create(new NewTask("t", "i", due, AssigneeMode.REGION, null, null, SecondTown.TOWN)))
                .isInstanceOf(NotFoundException.class);
        assertThat(tasks.assigneeOptions().staff()).extracting(AssigneeOptions.Staff::userId).doesNotContain(otherStaff);

        as(SecondTown.SUPERVISOR);
        assertThatThrownBy(() -> tasks.matrix(houkou)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks.remind(houkou)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks.extend(houkou, due.plusDays(5))).isInstanceOf(NotFoundException.class);
        assertThat(tasks.managedTasks(null, "all", "due", Pageable.ofSize(100)).getContent())
                .extracting(TaskListItem::id).doesNotContain(houkou);
        assertThat(tasks.assigneeOptions().grids()).extracting(AssigneeOptions.GridOption::code).containsExactly(SecondTown.GRID);
    }

    @Test
    void onlySupervisorsAndAdminsCreateTasks() {
        NewTask request = new NewTask("t", "i", tasks.today(), AssigneeMode.GRIDS, null, List.of(grid("130528112201-001")), null);
        as("staff");
        assertThatThrownBy(() -> tasks.create(request)).isInstanceOf(AccessDeniedException.class);
        as("handler");
        assertThatThrownBy(() -> tasks.create(request)).isInstanceOf(AccessDeniedException.class);
        as("admin");
        assertThat(tasks.matrix(tasks.create(request)).rows()).hasSize(1);
    }

    @Test
    void aTaskNobodyWouldGetIsRefused() {
        as("supervisor");
        // grids of 侯口五村 have no staff in the demo
        NewTask request = new NewTask("t", "i", tasks.today(), AssigneeMode.GRIDS, null,
                List.of(grid("130528112205-001")), null);
        assertThatThrownBy(() -> tasks.create(request)).isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("task.assignees.none");
    }

    @Test
    void theMatrixCountsEachStatusAndMarksOverdueAssigneesEverywhere() {
        long id = createForGrids("overdue task", tasks.today().minusDays(2), "130528112201-001", "130528112202-001");
        as("staff");
        tasks.recordProgress(id, TaskStatus.DONE, "all visited", null);

        as("supervisor");
        TaskMatrix matrix = tasks.matrix(id);
        assertThat(matrix.count(TaskStatus.DONE)).isEqualTo(1);
        assertThat(matrix.count(TaskStatus.NOT_STARTED)).isEqualTo(1);
        assertThat(matrix.count(TaskStatus.IN_PROGRESS)).isZero();
        assertThat(matrix.overdueCount()).isEqualTo(1);
        assertThat(matrix.percentDone()).isEqualTo(50);
        assertThat(matrix.rows()).filteredOn(AssignmentRow::overdue).extracting(AssignmentRow::assigneeName)
                .containsExactly("张伟");
        assertThat(matrix.rows()).filteredOn(r -> r.status() == TaskStatus.DONE).extracting(AssignmentRow::note)
                .containsExactly("all visited");

        TaskListItem listed = tasks.managedTasks("overdue task", "overdue", "due", Pageable.ofSize(100)).getContent()
                .stream().filter(t -> t.id() == id).findFirst().orElseThrow();
        assertThat(listed.overdue()).isTrue();
        assertThat(listed.done()).isEqualTo(1);
        assertThat(listed.assignees()).isEqualTo(2);

        List<TodayItem> staff2Today = today.itemsFor(user("staff2"));
        assertThat(staff2Today).filteredOn(i -> i.url().equals("/tasks/" + id)).singleElement()
                .satisfies(i -> {
                    assertThat(i.overdue()).isTrue();
                    assertThat(i.kind()).isEqualTo("TASK");
                    assertThat(i.due()).isEqualTo(tasks.today().minusDays(2));
                });
        assertThat(today.itemsFor(user("staff"))).noneMatch(i -> i.url().equals("/tasks/" + id));
        as("staff2");
        assertThat(tasks.myAssignments("overdue", Pageable.ofSize(100)).getContent())
                .anyMatch(a -> a.taskId() == id && a.overdue());
    }

    @Test
    void extendingMovesTheDueDateLaterKeepsTheOriginalAndEndsTheOverdue() {
        LocalDate original = tasks.today().minusDays(1);
        long id = createForGrids("late task", original, "130528112201-001");
        assertThat(tasks.matrix(id).overdue()).isTrue();

        assertThatThrownBy(() -> tasks.extend(id, original)).isInstanceOf(BusinessRuleException.class);
        tasks.extend(id, tasks.today().plusDays(3));

        TaskMatrix matrix = tasks.matrix(id);
        assertThat(matrix.dueDate()).isEqualTo(tasks.today().plusDays(3));
        assertThat(matrix.originalDueDate()).isEqualTo(original);
        assertThat(matrix.extended()).isTrue();
        assertThat(matrix.overdue()).isFalse();
    }

    @Test
    void remindingTellsOnlyThoseNotDone() {
        long id = createForGrids("remind task", tasks.today().plusDays(2), "130528112201-001", "130528112202-001");
        as("staff2");
        tasks.recordProgress(id, TaskStatus.DONE, null, null);
        as("supervisor");
        assertThat(tasks.remind(id)).isEqualTo(1);
        assertThat(tasks.matrix(id).rows()).filteredOn(r -> r.remindedAt() != null).extracting(AssignmentRow::assigneeName)
                .containsExactly("李秀英");
    }

    @Test
    void aProgressPhotoIsServedToItsAssigneeAndTheSupervisorOnly() throws IOException {
        long id = createForGrids("photo task", tasks.today().plusDays(2), "130528112201-001", "130528112202-001");
        as("staff");
        tasks.recordProgress(id, TaskStatus.IN_PROGRESS, "half done", png());
        MyAssignment mine = tasks.myAssignment(id);
        assertThat(mine.hasPhoto()).isTrue();
        assertThat(tasks.photo(id, mine.assignmentId(), true)).isNotEmpty();

        as("supervisor");
        assertThat(tasks.photo(id, mine.assignmentId(), false)).isNotEmpty();
        as("staff2");
        assertThatThrownBy(() -> tasks.photo(id, mine.assignmentId(), false)).isInstanceOf(NotFoundException.class);
        as(SecondTown.SUPERVISOR);
        assertThatThrownBy(() -> tasks.photo(id, mine.assignmentId(), false)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFileThatIsNotAPhotoIsRefusedAndNothingIsSaved() {
        long id = createForGrids("bad photo task", tasks.today().plusDays(2), "130528112201-001");
        as("staff");
        assertThatThrownBy(() -> tasks.recordProgress(id, TaskStatus.DONE, "x", "not an image".getBytes()))
                .isInstanceOf(BusinessRuleException.class);
        assertThat(tasks.myAssignment(id).status()).isEqualTo(TaskStatus.NOT_STARTED);
    }

    static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}

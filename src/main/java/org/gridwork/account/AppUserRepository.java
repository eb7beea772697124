package org.gridwork.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    @Query("select u from AppUser u where lower(u.username) = lower(?1)")
    Optional<AppUser> findByUsernameIgnoreCase(String username);

    List<AppUser> findByRoleOrderByUsername(Role role);

    List<AppUser> findByIdIn(Collection<Long> ids);

    /** Administration list: free text on user or display name, optional role and status. */
    @Query("""
            select u from AppUser u
            where (:text is null or lower(u.username) like :text or lower(u.displayName) like :text)
              and (:role is null or u.role = :role)
              and (:enabled is null or u.enabled = :enabled)""")
    Page<AppUser> search(@Param("text") String text, @Param("role") Role role, @Param("enabled") Boolean enabled,
                         Pageable pageable);

    List<AppUser> findByPhoneIndex(String phoneIndex);
}

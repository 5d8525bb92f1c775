import { Button, Card, Group, Tabs } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconMailForward, IconUserPlus, IconUsers } from "@tabler/icons-react";
import { useState } from "react";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { PageHeader } from "../../components/PageHeader";
import { Forbidden } from "../../components/States";
import { InvitationsTab } from "./InvitationsTab";
import { InviteModal } from "./InviteModal";
import { UserModal } from "./UserModal";
import { UsersTab } from "./UsersTab";

/**
 * Users administration: staff and partner users (list, create, change role, deactivate), and the
 * invitations of partner users (invite, resend, revoke). Vendor managers, who may invite but not
 * manage users, see the invitations only.
 */
export function UsersPage() {
  const me = useMe();
  const canUsers = can(me, "user", "read");
  const canInvitations = can(me, "invitation", "read");
  const [tab, setTab] = useState<string | null>(canUsers ? "users" : "invitations");
  const [createOpened, createModal] = useDisclosure();
  const [inviteOpened, inviteModal] = useDisclosure();
  if (!canUsers && !canInvitations) return <Forbidden />;
  return (
    <>
      <PageHeader
        title="Users"
        description="People in your organization, the partners' portal users, and what they may do."
        actions={
          <Group gap="xs">
            {can(me, "invitation", "create") && (
              <Button
                variant="default"
                leftSection={<IconMailForward size={16} />}
                onClick={inviteModal.open}
              >
                Invite partner user
              </Button>
            )}
            {can(me, "user", "create") && (
              <Button leftSection={<IconUserPlus size={16} />} onClick={createModal.open}>
                Add user
              </Button>
            )}
          </Group>
        }
      />
      <Card p={0} className="table-card">
        <Tabs value={tab} onChange={setTab}>
          <Tabs.List px="md" pt="xs">
            {canUsers && (
              <Tabs.Tab value="users" leftSection={<IconUsers size={16} />}>
                Users
              </Tabs.Tab>
            )}
            {canInvitations && (
              <Tabs.Tab value="invitations" leftSection={<IconMailForward size={16} />}>
                Partner invitations
              </Tabs.Tab>
            )}
          </Tabs.List>
          {canUsers && <Tabs.Panel value="users">{tab === "users" && <UsersTab />}</Tabs.Panel>}
          {canInvitations && (
            <Tabs.Panel value="invitations">{tab === "invitations" && <InvitationsTab />}</Tabs.Panel>
          )}
        </Tabs>
      </Card>
      <UserModal opened={createOpened} onClose={createModal.close} />
      <InviteModal
        opened={inviteOpened}
        onClose={inviteModal.close}
        onInvited={() => setTab("invitations")}
      />
    </>
  );
}
